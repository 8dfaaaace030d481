'use client';

import { useEffect, useRef, useState } from 'react';
import * as d3 from 'd3';

type Option = { value: string; label: string };

export function CopyField({ value, options }: { value: string; options: Option[] }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [copied, setCopied] = useState(false);
  const selected = options.find((o) => o.value === value); // ok: unbounded-query

  useEffect(() => {
    const svg = d3.select(svgRef.current); // ok: unbounded-query
    svg.selectAll('rect').data(options).join('rect').attr('width', 10).attr('height', 10);
  }, [options]);

  const selectAll = (e: React.FocusEvent<HTMLInputElement>) => e.currentTarget.select(); // ok: unbounded-query

  async function copy() {
    inputRef.current?.select(); // ok: unbounded-query
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }

  return (
    <div>
      <input ref={inputRef} readOnly value={value} onFocus={selectAll} />
      <button onClick={copy}>{copied ? 'Copied' : `Copy ${selected?.label ?? ''}`}</button>
      <svg ref={svgRef} width={200} height={20} />
    </div>
  );
}
