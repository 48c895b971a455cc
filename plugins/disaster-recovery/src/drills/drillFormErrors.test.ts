import { drillFormErrorsFromMessage } from './drillFormErrors';

describe('drillFormErrorsFromMessage', () => {
  it('spreads a backend message over the fields it names', () => {
    expect(
      drillFormErrorsFromMessage(
        'Invalid drill: evidence.backup.createdAt: Invalid ISO datetime; endedAt: is more than 5 minutes in the future; evidence.healthChecks.0.name: contains the control character U+202E, which is not allowed; entityRefs.1: names no entity you can read',
      ),
    ).toEqual({
      fields: {
        'evidence.backup.createdAt': 'Invalid ISO datetime',
        endedAt: 'Ended is more than 5 minutes in the future',
        'evidence.healthChecks':
          'Health check 1 name: contains the control character U+202E, which is not allowed',
        entityRefs: 'Entity 2: names no entity you can read',
      },
      general: [],
    });
  });

  it('reads the spec validator’s answer, fields named by path', () => {
    expect(
      drillFormErrorsFromMessage(
        'Invalid request: evidence.backup.createdAt: is required; evidence.links.0.url: must match pattern "^https?://"',
      ),
    ).toEqual({
      fields: {
        'evidence.backup.createdAt': 'Backup taken at is required',
        'evidence.links': 'Link 1 url: must match pattern "^https?://"',
      },
      general: [],
    });
  });

  it('keeps what names no field', () => {
    expect(
      drillFormErrorsFromMessage('Invalid request: (body): is not valid JSON'),
    ).toEqual({
      fields: {},
      general: ['Invalid request: (body): is not valid JSON'],
    });
  });
});
