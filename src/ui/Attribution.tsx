import type { Dataset } from '../data/datasets';
import { licenceName } from './licence';
import { SourceLink } from './ValueCell';

/**
 * The credit a dataset's licence asks for, where its data is on screen: one short line (name,
 * licence, link) with the full citation one click away, so it does not push the chart down.
 */
export function Attribution({ attribution }: { attribution: NonNullable<Dataset['attribution']> }) {
  return (
    <details className="attribution">
      {/* a summary holds no link of its own (it is a control already): the link is inside */}
      <summary>
        Includes data from {attribution.name} ({licenceName(attribution.licence)})
      </summary>
      <p>
        {attribution.citation}
        {attribution.retrieved ? ` Retrieved ${attribution.retrieved}.` : ''} Licence:{' '}
        {licenceName(attribution.licence)}. <SourceLink title={attribution.url} url={attribution.url} />
      </p>
    </details>
  );
}
