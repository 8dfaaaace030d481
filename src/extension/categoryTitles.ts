// Display titles of the 15 categories for the editor (the checklist content lives in core).
import { getCategory } from '../core/categories';
import type { CategoryId } from '../core/model';

export function getCategoryTitle(id: CategoryId): string {
  return getCategory(id)?.title ?? id;
}
