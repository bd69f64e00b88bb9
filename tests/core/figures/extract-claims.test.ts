import { describe, expect, it } from 'vitest';
import { extractClaims, groupClaims, type Claim, type Measure } from '../../../src/core/figures/claims';

const DOC = { doc: 'test.txt', date: '2022-01-12' };

function claimsOf(text: string): Claim[] {
  return extractClaims(text, DOC);
}

function figures(text: string): Array<[string, number]> {
  return claimsOf(text).map((c) => [c.measure, c.value]);
}

describe('extractClaims (English)', () => {
  it.each([
    ['227 people died in the unrest.', 'deaths', 227],
    ['The official death toll stands at 227.', 'deaths', 227],
    ['The government says 164 killed.', 'deaths', 164],
    ['Officials said 9,900 detained so far.', 'detentions', 9900],
    ['According to official data, 8,000 people were arrested.', 'detentions', 8000],
    ['Over 1,300 police officers have been injured.', 'injuries', 1300],
    ['Security forces killed at least 10 people.', 'deaths', 10],
    ['Two people died in hospital.', 'deaths', 2],
    ['The number of detained for participation in mass unrest reached almost 9,900.', 'detentions', 9900],
    ['Authorities said 20 thousand people were detained.', 'detentions', 20000],
  ])('%s → %s %d', (sentence, measure, value) => {
    expect(figures(sentence)).toEqual([[measure, value]]);
  });

  it('keeps the qualifier: "about 16,000 arrested"', () => {
    const [claim] = claimsOf('The events left dozens dead and about 16,000 arrested.');
    expect(claim).toMatchObject({ measure: 'detentions', value: 16000, qualifier: 'about' });
  });

  it('reads a range as its low and high values', () => {
    const [claim] = claimsOf('Between 8,000 and 10,000 people were detained.');
    expect(claim).toMatchObject({ measure: 'detentions', value: 8000, high: 10000 });
  });

  it('gives each number of a sentence its own measure', () => {
    expect(figures('Officially, there have been around 10,000 detained, thousands injured, and 227 dead.')).toEqual([
      ['detentions', 10000],
      ['deaths', 227],
    ]);
  });

  it.each([
    'The protests began in 2022 and many were detained.',
    'On January 5 police detained protesters.',
    'He was detained on 5 January.',
    'A man aged 45 was killed.',
    'A 45-year-old was killed.',
    'Prices rose 10% and people were arrested.',
    'He was arrested for taking $5 million.',
    'He was detained for 200 dollars.',
    'Police detained him at 10:30 in the morning.',
    'The journalist was detained for 15 days.',
    'He was sentenced to 10 days of administrative arrest.',
    'It is the 9th biggest country, where protesters were killed.',
    'Authorities are investigating 181 cases related to terrorism.',
    'A protest of 1,000 oil workers ended with clashes with police and the deaths of many people.',
  ])('finds no claim in "%s"', (sentence) => {
    expect(claimsOf(sentence)).toEqual([]);
  });

  it('gives offsets into the text that slice to the claim, and the sentence around it', () => {
    const text = 'Title\n\nIt was calm. According to official data, 8,000 people were arrested. Then it rained.';
    const [claim] = claimsOf(text);
    expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    expect(claim.text).toContain('8,000 people were arrested');
    expect(claim.sentence).toBe('According to official data, 8,000 people were arrested.');
    expect(claim).toMatchObject({ doc: 'test.txt', date: '2022-01-12' });
  });

  it('counts a part given after "including" in the measure of the figure before it', () => {
    expect(figures('164 persons died, including three children.')).toEqual([
      ['deaths', 164],
      ['deaths', 3],
    ]);
  });

  it('does not read "January 11 366 persons" as one number', () => {
    expect(figures('Reportedly, on January 11 366 persons were detained on the border.')).toEqual([['detentions', 366]]);
  });
});

describe('extractClaims (Russian)', () => {
  it.each([
    ['По данным МВД, задержаны 9900 человек.', 'detentions', 9900],
    ['Всего погибли 227 человек.', 'deaths', 227],
    ['Были задержаны 8 000 человек.', 'detentions', 8000],
    ['Полиция сообщила, что задержано 8.000 человек.', 'detentions', 8000],
    ['Около 16 тысяч человек были задержаны.', 'detentions', 16000],
    ['Более 1300 сотрудников полиции получили ранения.', 'injuries', 1300],
    ['Число погибших достигло 164.', 'deaths', 164],
    ['Задержаны 1,1 тысячи человек.', 'detentions', 1100],
    ['Police say 2.5 thousand people were arrested.', 'detentions', 2500],
  ])('%s → %s %d', (sentence, measure, value) => {
    expect(figures(sentence)).toEqual([[measure, value]]);
  });

  it.each([
    'Протесты начались в 2022 году, многие были задержаны.',
    'Его задержали 5 января.',
    'Задержан мужчина в возрасте 45 лет.',
    'Цены выросли на 10%, людей задерживали.',
    'Его задержали в 10:30.',
    'Журналиста арестовали на 15 суток.',
  ])('finds no claim in "%s"', (sentence) => {
    expect(claimsOf(sentence)).toEqual([]);
  });
});

describe('groupClaims', () => {
  const claim = (measure: Measure, value: number, qualifier: Claim['qualifier'] = null): Claim => ({
    measure,
    value,
    high: null,
    qualifier,
    text: String(value),
    sentence: String(value),
    doc: 'd',
    start: 0,
    end: 1,
    date: null,
  });

  it('marks a measure whose figures disagree as in conflict, and one whose figures agree as not', () => {
    const groups = groupClaims([claim('deaths', 227), claim('deaths', 227), claim('detentions', 9900), claim('detentions', 16000, 'about')]);
    expect(groups.map((g) => [g.measure, g.claims.length, g.conflict])).toEqual([
      ['deaths', 2, false],
      ['detentions', 2, true],
    ]);
  });

  it('lets a qualifier cover a near figure: "around 10,000" and "almost 9,900" agree', () => {
    const [group] = groupClaims([claim('detentions', 10000, 'about'), claim('detentions', 9900, 'almost')]);
    expect(group.conflict).toBe(false);
  });
});
