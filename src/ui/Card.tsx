import type { RuleInfo } from '../rules/types';

export interface CardProps {
  readonly rule: RuleInfo;
  /** The claim as found on the page. */
  readonly claim: string;
  /** The site, for "Don't warn on shop.example". */
  readonly site: string;
  readonly onClose: () => void;
  readonly onDismiss: () => void;
  readonly onDisableSite: () => void;
}

/**
 * The evidence card. Everything in it is rendered as text (Preact escapes it): rule text comes
 * from our rules, the claim from the page, and neither is ever treated as HTML.
 */
export function Card({ rule, claim, site, onClose, onDismiss, onDisableSite }: CardProps) {
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby="spotcheck-verdict"
      aria-describedby="spotcheck-rebuttal"
      tabIndex={-1}
    >
      <div class="top">
        <span class="brand">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="8" />
            <path d="M8 3.6v5.2" />
            <circle class="dot" cx="8" cy="11.7" r="1.15" />
          </svg>
          Spot Check
        </span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <h2 id="spotcheck-verdict" class="verdict">
        {rule.verdict}
      </h2>
      <blockquote class="claim">“{claim}”</blockquote>
      <p id="spotcheck-rebuttal" class="rebuttal">
        {rule.rebuttal}
      </p>
      <h3>What works instead</h3>
      <p>{rule.instead}</p>
      <details>
        <summary>Why it doesn’t work</summary>
        <p>{rule.explanation}</p>
      </details>
      <h3>Evidence</h3>
      <ul class="evidence">
        {rule.documents.map((doc) => (
          <li key={doc.id}>
            <span class="kind">Source</span> {doc.title}
          </li>
        ))}
        {rule.references.map((ref) => (
          <li key={ref.id}>
            <span class="kind">{ref.kind === 'study' ? 'Study' : 'Regulator'}</span>{' '}
            {ref.url ? (
              <a href={ref.url} target="_blank" rel="noopener noreferrer" title={ref.citation}>
                {ref.label}
              </a>
            ) : (
              <span title={ref.citation}>{ref.label}</span>
            )}
            <span class="finding">{ref.finding}</span>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
        <button type="button" onClick={onDisableSite}>
          Don’t warn on {site || 'this site'}
        </button>
      </div>
    </div>
  );
}
