declare module 'virtual:spotcheck-rules' {
  import type { CompiledRules } from './types';

  const rules: CompiledRules;
  export default rules;
}
