// Public surface of suppression comments: parsing directives and applying them to findings.
export { applySuppressions } from './apply-suppressions.js';
export {
  type Directive,
  type DirectiveKind,
  type SourceComment,
  type SuppressionContext,
  directiveKeyword,
  directiveRules,
  parseSuppressions,
} from './parse-suppressions.js';
