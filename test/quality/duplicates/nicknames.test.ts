import { describe, expect, it } from 'vitest';
import { NICKNAME_RELATIONS } from '../../../src/quality/duplicates/data/nicknames';
import { areNicknames } from '../../../src/quality/duplicates/nicknames';

describe('nicknames (internal)', () => {
  const entries = NICKNAME_RELATIONS.split('|').map((e) => e.split(':') as [string, string]);

  it('reads the generated table whole: plain lower-case names, each listed once', () => {
    // the counts of names.csv at the recorded commit, read with the shell (tr, grep, cut, sort -u):
    // 2,691 has_nickname rows less 4 giving initials (k.c. twice, l.r., l.b.), under 1,149
    // distinct first names (1,151 in all rows: kasey and littleberry have initials only)
    expect(entries.length).toBe(1149);
    expect(entries.reduce((sum, [, list]) => sum + list.split(' ').length, 0)).toBe(2687);
    expect(new Set(entries.map(([name]) => name)).size).toBe(entries.length);
    for (const [name, list] of entries) expect(`${name} ${list}`).toMatch(/^[a-z]+( [a-z]+)+$/);
  });

  it('relates every listed pair in both directions, except John and Ian', () => {
    for (const [name, list] of entries) {
      for (const nickname of list.split(' ')) {
        // the list has both `john,has_nickname,ian` and `ian,has_nickname,john`
        const expected = `${name} ${nickname}` !== 'john ian' && `${name} ${nickname}` !== 'ian john';
        expect(areNicknames(name, nickname)).toBe(expected);
        expect(areNicknames(nickname, name)).toBe(expected);
      }
    }
  });

  it('keeps the own groups, two short forms of one name included, and no relation between two nicknames of the list', () => {
    expect(areNicknames('willie', 'bill')).toBe(true); // both William's, in crmkit's own group
    expect(areNicknames('ron', 'erin')).toBe(false); // both Aaron's in the list only
    expect(areNicknames('nicole', 'nicole')).toBe(false); // equal names are not nicknames: the caller compares them first
  });
});
