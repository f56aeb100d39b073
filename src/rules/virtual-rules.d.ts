// Ambient module declarations may only import by non-relative names: a relative path here would
// quietly make the types `any` (skipLibCheck hides the error), hence the `@/` alias.
declare module 'virtual:spotcheck-rules' {
  import type { CompiledRules } from '@/src/rules/types';

  const rules: CompiledRules;
  export default rules;
}

declare module 'virtual:spotcheck-rules/filters' {
  import type { FilterSources } from '@/src/match/filters';

  const filters: FilterSources;
  export default filters;
}
