import { STATUS_WORDS } from '../data/columnNames';
import type { Provenance } from '../domain/estimate';

/** How each provenance is marked everywhere (table cells, tooltips, derivation card, legend). */
export const STATUS_META: Record<Provenance | 'assumption', { mark: string; label: string; description: string }> = {
  disclosed: {
    mark: '',
    label: STATUS_WORDS.disclosed,
    description:
      'Published by the lab itself (paper, model card, post, official page), and cited to the lab even when read through Epoch AI or a tracker.',
  },
  estimate: {
    mark: '~',
    label: STATUS_WORDS.estimate,
    description: 'A third party’s own figure: Epoch AI’s calculations and assumptions, analysts, benchmark trackers.',
  },
  leak: {
    mark: '!',
    label: STATUS_WORDS.leak,
    description: 'Reported by the press or leaked; not confirmed by the lab.',
  },
  computed: {
    mark: '≈',
    label: STATUS_WORDS.computed,
    description: 'Computed here from the data and your assumptions; moves with the sliders.',
  },
  assumption: { mark: '⚙', label: 'Your assumption', description: 'A slider value.' },
};
