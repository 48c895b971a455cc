import { ConfigReader } from '@backstage/config';
import { readEvaluationOptions } from './readEvaluationOptions';

const optionsOf = (disasterRecovery: object) =>
  readEvaluationOptions(new ConfigReader({ disasterRecovery }));

describe('readEvaluationOptions', () => {
  it('gathers changes for 2 s, reads the catalog every minute and evaluates everything hourly by default', () => {
    expect(readEvaluationOptions(new ConfigReader({}))).toEqual({
      debounce: { seconds: 2 },
      fullFrequency: { hours: 1 },
      catalogFrequency: { minutes: 1 },
    });
  });

  it('takes the old evaluation frequency as the full one, unless the new key is set', () => {
    expect(
      optionsOf({ posture: { evaluationFrequency: { hours: 24 } } })
        .fullFrequency,
    ).toEqual({ hours: 24 });
    expect(
      optionsOf({
        posture: { evaluationFrequency: { hours: 24 } },
        evaluation: { fullFrequency: '30m' },
      }).fullFrequency,
    ).toEqual({ minutes: 30 });
  });

  it('refuses a duration that is not positive, naming the key', () => {
    expect(() =>
      optionsOf({ evaluation: { debounce: { seconds: 0 } } }),
    ).toThrow(
      'disasterRecovery.evaluation.debounce must be a positive duration',
    );
  });
});
