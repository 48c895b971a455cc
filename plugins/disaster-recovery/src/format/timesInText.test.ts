import { timesInText } from './timesInText';

describe('timesInText', () => {
  it.each([
    ['No time here.', [{ text: 'No time here.' }]],
    [
      'RTO 1 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z).',
      [
        { text: 'RTO 1 h against 4 h (the dr-drill of ' },
        { time: '2025-06-01T10:00:00.000Z' },
        { text: ').' },
      ],
    ],
    [
      '2025-06-01T10:00Z to 2025-06-02T10:00:00+02:00',
      [
        { time: '2025-06-01T10:00Z' },
        { text: ' to ' },
        { time: '2025-06-02T10:00:00+02:00' },
      ],
    ],
    // Dates alone and impossible times stay text.
    ['since 2025-06-01', [{ text: 'since 2025-06-01' }]],
    ['at 2025-13-45T99:00Z', [{ text: 'at 2025-13-45T99:00Z' }]],
  ])('%s', (sentence, parts) => {
    expect(timesInText(sentence)).toEqual(parts);
  });
});
