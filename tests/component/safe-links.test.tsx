import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { SourceLink } from '../../src/ui/ValueCell';

// The schema refuses these at import, so only this renderer guard stands behind that check.
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/path',
  '/relative/path',
  'not a url',
];

test('a source whose URL is not http(s) is shown as plain text, never as a link', () => {
  for (const url of HOSTILE_URLS) {
    const { container, unmount } = render(<SourceLink title="Hostile source" url={url} />);
    expect(container.querySelector('a'), url).toBeNull();
    expect(screen.getByText('Hostile source').getAttribute('title')).toBe('Link not shown: not an http(s) address');
    unmount();
  }
});

test('an http(s) source opens in a new tab without giving the page an opener or a referrer', () => {
  for (const url of ['https://arxiv.org/abs/2001.08361', 'HTTP://example.org/a?b=1#c']) {
    const { unmount } = render(<SourceLink title="Paper" url={url} />);
    const a = screen.getByRole('link', { name: 'Paper' });
    expect(a.getAttribute('href')).toBe(new URL(url).href);
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    unmount();
  }
});
