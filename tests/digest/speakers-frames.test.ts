import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('speakers: reflexive inverted incises', () => {
  it('reads « s’est-il inquiété » and « se serait-elle … » as pronoun incises, like « a-t-il »', () => {
    const reflexive =
      "Sur le financement, Paul Renaud a confirmé que les subventions étaient en baisse. « Venir aujourd'hui remettre en cause ces aides, c'est plus qu'étonnant », s'est-il inquiété.";
    expect(speakers(reflexive, 'fr')).toEqual(['Paul Renaud']);
    const conditional = "Claire Dumas a quitté la réunion. « Je ne resterai pas une minute de plus dans cette salle », se serait-elle exclamée.";
    expect(speakers(conditional, 'fr')).toEqual(['Claire Dumas']);
  });
});

describe('speakers: speech periphrases, verbs of reproach and recollection, long appositions', () => {
  it('reads « a fait valoir que » and « fait savoir que » as speech verbs whose subject stands before « faire »', () => {
    const text =
      "Entendu par les députés, Marc Vidal a fait valoir que « le tribunal lui-même n'avait pas reconnu ce statut » et que l'association avait « appelé à manifester malgré l'interdiction ».";
    expect(speakers(text, 'fr')).toEqual(['Marc Vidal', 'Marc Vidal']);
  });

  it('reads « a notamment tancé », « a renchéri » and « se remémore » with the subject after the verb', () => {
    const text =
      "L'opposition a volé au secours de l'organisation. « Cette fois, vous franchissez le Rubicon », a notamment tancé le député écologiste Jules Perrin. « C'est comme ça qu'on fait plier les contre-pouvoirs », a renchéri le patron du parti, Hugo Marchal, sur Twitter.";
    expect(speakers(text, 'fr')).toEqual(['Jules Perrin', 'Hugo Marchal']);
    const recollection = "Le séisme a frappé à l'aube. « J'ai entendu le vent et tout a commencé à trembler », se remémore une habitante.";
    expect(speakers(recollection, 'fr')).toEqual(['une habitante']);
  });

  it('skips an apposition holding a parenthesis between the subject and its verb', () => {
    const text =
      "Sur le financement, Paul Renaud, avocat et président de la Fédération internationale des droits humains (FIDH), a confirmé sur franceinfo que « les subventions de l'association » peuvent venir de l'État.";
    expect(speakers(text, 'fr')).toEqual(['Paul Renaud']);
  });
});

describe('speakers: the name closing a possessive description, a noun before a modal', () => {
  it('reads "said the party’s elated leader NAME" as NAME', () => {
    const text = '“Talks over forming a new government will be initiated under our leadership,” said the party’s elated leader Mikko Salonen, as he claimed victory.';
    expect(speakers(text, 'en')).toEqual(['Mikko Salonen']);
  });

  it('takes a speech-verb form before a modal for a noun ("media posts would"), not a verb with its own subject', () => {
    const text =
      'However, Dan Feld, the founder of Safe Kids, said giving parents access to children’s social media posts would "deprive kids of the privacy protections we advocate for."';
    expect(speakers(text, 'en')).toEqual(['Dan Feld']);
  });
});

describe('speakers: words glued to a name', () => {
  it('leaves a party label before the name out of it (« le sénateur Les Modérés Pierre Vasseur »)', () => {
    const text = 'Après ce propos, le sénateur Les Modérés Pierre Vasseur a renchéri : « Il faut cesser de financer ces associations. »';
    expect(speakers(text, 'fr')).toEqual(['Pierre Vasseur']);
  });

  it('leaves a time word after a full name out of it ("Spencer Cox Thursday")', () => {
    const text =
      'Two laws signed by Republican Gov. Daniel Price Thursday prohibit kids from using social media at night. Price said the laws would curb "poor mental health outcomes" among teens.';
    expect(speakers(text, 'en')).toEqual(['Daniel Price']);
  });
});

describe('speakers: social-media handles', () => {
  it('links "@PMartin" to Paul Martin, named in the article', () => {
    const text =
      "Paul Martin a défendu sa réforme devant les députés mercredi.\n« Le tribunal lui-même n'a pas reconnu ce statut à l'association », souligne @PMartin, qui fait observer que l'association a « attaqué l'arrêté de la préfète ».";
    expect(speakers(text, 'fr')).toEqual(['Paul Martin', 'Paul Martin']);
  });
});

describe('speakers: a reflexive incise inside the marks', () => {
  it('splits « … possible !, s’indigne X, secrétaire générale de Y. … » at the incise and gives both parts to X', () => {
    const text =
      "« On ne s’attendait pas à deux ans de prison ferme. Ce n’est pas possible !, s’indigne Nadia Berrada, secrétaire générale de l'association. On a cru en notre justice ! »";
    expect(speakers(text, 'fr')).toEqual(['Nadia Berrada']);
  });
});
