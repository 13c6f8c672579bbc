// Gzip size of each CDN entry together with every chunk it imports (what a visitor downloads for that tag), against
// the budgets of issue 7 (test-package/bundle-budget.test.ts enforces them).
import { BUDGETS_KB, cdnEntrySizes, FIRST_VIEWS, firstViewKb, widgetEntries } from '../test-support/bundle-size.js';
import { report } from './support.js';

let sizes: Record<string, number>;
try {
  sizes = cdnEntrySizes();
} catch (error) {
  console.error(`bundle-size: ${(error as Error).message}`);
  process.exit(1);
}

const within = (kb: number | undefined, budget: number) => ({
  kb,
  budgetKb: budget,
  withinBudget: (kb ?? Infinity) <= budget,
});
report('bundle-size', {
  unit: 'KB gzip (entry + every chunk it imports statically)',
  'smec.js': within(sizes['smec.js'], BUDGETS_KB.all),
  'smec-loader.js': within(sizes['smec-loader.js'], BUDGETS_KB.loader),
  widgets: Object.fromEntries(widgetEntries(sizes).map((entry) => [entry, within(sizes[entry], BUDGETS_KB.widget)])),
  firstViews: Object.fromEntries(
    Object.entries(FIRST_VIEWS).map(([entry, view]) => [
      `${entry} + ${view}`,
      within(firstViewKb(entry, view), BUDGETS_KB.firstView),
    ]),
  ),
  allEntries: sizes,
});
