// Display titles of the 15 categories for the editor.
import { CATEGORY_TITLES, type CategoryId } from '../core/model';

export function getCategoryTitle(id: CategoryId): string {
  return CATEGORY_TITLES[id] ?? id;
}
