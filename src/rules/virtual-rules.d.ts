declare module 'virtual:spotcheck-rules' {
  import type { CompiledRules } from './types';

  const rules: CompiledRules;
  export default rules;
}

declare module 'virtual:spotcheck-rules/filters' {
  import type { FilterSources } from '../match/filters';

  const filters: FilterSources;
  export default filters;
}
