// corpus-path: pages/blog/[slug].tsx
import fs from 'fs';
import path from 'path';
import type { GetStaticPaths, GetStaticProps } from 'next';

const POSTS_DIR = path.join(process.cwd(), 'content', 'posts');

export const getStaticPaths: GetStaticPaths = async () => {
  const slugs = fs.readdirSync(POSTS_DIR).map((f) => f.replace(/\.md$/, '')); // ok: sync-io-in-handler
  return { paths: slugs.map((slug) => ({ params: { slug } })), fallback: false };
};

export const getStaticProps: GetStaticProps = async ({ params }) => {
  const markdown = fs.readFileSync(path.join(POSTS_DIR, `${params!.slug}.md`), 'utf8'); // ok: sync-io-in-handler
  return { props: { markdown, slug: params!.slug } };
};

export default function Post({ markdown, slug }: { markdown: string; slug: string }) {
  return (
    <article className="prose" data-slug={slug}>
      <pre>{markdown}</pre>
    </article>
  );
}
