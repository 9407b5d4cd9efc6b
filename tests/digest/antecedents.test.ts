import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

// Sentences written for these tests, in wire style. In each one the previous speaker has the pronoun's gender, so
// only the salience of the sentence before (its focus) tells who speaks.
function speakers(text: string, lang: string): (string | null)[] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => q.speaker);
}

describe('pronoun antecedents: the focus of the sentences before', () => {
  it('follows a chain of subject pronouns back to the person named', () => {
    const text =
      '« Le dossier est clos depuis longtemps », a déclaré Paul Lenoir. Lors d’un colloque à Lyon en mars, loin de critiquer la réforme, ' +
      'le juge Marc Hébert l’a même défendue. Il a dit qu’il continuerait à siéger.\n« Nous appliquerons la loi telle qu’elle est écrite », a-t-il dit.';
    expect(speakers(text, 'fr')).toEqual(['Paul Lenoir', 'Marc Hébert']);
  });

  it('takes the object of an infinitive in a fronted clause for no subject', () => {
    const text =
      '« La direction a menti aux salariés », a dénoncé Marc Roux. Lors de la réunion de vendredi, loin de céder aux demandes, ' +
      'le directeur Paul Girard a défendu son plan. « Nous ne fermerons aucun site cette année », a-t-il assuré.';
    expect(speakers(text, 'fr')).toEqual(['Marc Roux', 'Paul Girard']);
  });

  it('reads "role of X, NAME" as NAME, not the person the role belongs to', () => {
    const french =
      '« La campagne sera courte », a prévenu Paul Lenoir.\nLe bras droit de Marc Delorme, Julien Serre, a tenu à se présenter aux électeurs jeudi. ' +
      '« Je connais chaque rue de cette ville depuis mon enfance », a-t-il raconté.';
    expect(speakers(french, 'fr')).toEqual(['Paul Lenoir', 'Julien Serre']);
    const english =
      '"The river rose faster than anyone expected," Peter Amani said.\nThe deputy of Governor Daniel Kiprop, Samuel Otieno, visited the shelters and ' +
      'asked families to stay calm.\n"Nobody will be sent home before the water goes down," he said.';
    expect(speakers(english, 'en')).toEqual(['Peter Amani', 'Samuel Otieno']);
  });

  it('takes a topic set out in front for the subject its pronoun stands for, skipping a party label', () => {
    const french =
      '« Le budget est insincère », a lancé Jean Marchand. Quant à Paul Mercier (LFI), il a dénoncé un texte « injuste » pour les communes. ' +
      '« Ce budget sacrifie les services publics et les communes rurales », a-t-il ajouté.';
    expect(speakers(french, 'fr')).toEqual(['Jean Marchand', 'Paul Mercier']);
    const english = '"The budget is a fantasy," John Marsh said. As for Paul Mercer (Labour), he called the plan unfair. "It sacrifices public services and rural towns," he added.';
    expect(speakers(english, 'en')).toEqual(['John Marsh', 'Paul Mercer']);
  });

  it('takes the speaker a sentence reports for what it is about', () => {
    const text =
      '"Nothing will change before the summer," said Levitt.\nHowever, while the appointment might look like a provocation, a deal was still possible, ' +
      'Kamal Haddad told the AP. He noted that the new leader "might take a step that will surprise everyone in the region."';
    expect(speakers(text, 'en')).toEqual(['Levitt', 'Kamal Haddad']);
  });

  it('lets a description of a person look past a sentence about an institution', () => {
    const text =
      'Anna Keller, qui rencontrera jeudi le chancelier, affirme vouloir « relancer la coopération » entre les deux pays. ' +
      'Hier, la présidence avait indiqué que les deux dirigeants auraient un entretien.\n' +
      '« Nous nous pencherons sur les questions les plus urgentes du continent », écrit la dirigeante sociale-démocrate.';
    expect(speakers(text, 'fr').at(-1)).toBe('Anna Keller');
  });
});

describe('pronoun antecedents: kinds of candidates', () => {
  it('takes a job given by a description before the comma for evidence of a person', () => {
    const text =
      '"He cries every time he watches the news," Yohannes said.\nThe mayor of Kediri, Sri Wulandari, comforted relatives and urged them to be strong.\n' +
      '"They are not ours, they belong to God," she said.';
    expect(speakers(text, 'en')).toEqual(['Yohannes', 'Sri Wulandari']);
  });

  it('keeps a name the engine cannot tell for a person among the candidates', () => {
    const french =
      '« La campagne a été rude », a déclaré Marc Petit. Le colistier de Paul Girard, Kemal Arslan, a tenu à se présenter hier aux électeurs avec une série d’anecdotes. ' +
      '« J’ai grandi dans ce quartier et je connais chaque rue », a-t-il raconté.';
    expect(speakers(french, 'fr')).toEqual(['Marc Petit', 'Kemal Arslan']);
    const english =
      '"The campaign was rough," said Mark Hill.\nThe running mate of Paul Grant, Kemal Arslan, introduced himself to voters on Tuesday with a string of anecdotes. ' +
      '"I grew up on these streets and I know every corner of them," he said.';
    expect(speakers(english, 'en')).toEqual(['Mark Hill', 'Kemal Arslan']);
  });

  it('never takes an organisation cited in between for « il » after a verb of continuation', () => {
    const text = '« Les prix ont doublé depuis janvier », a dit Jean Morel. Selon l’Insee, la hausse atteint 4 % en France. « Personne ne peut suivre à ce rythme », a-t-il ajouté.';
    expect(speakers(text, 'fr')).toEqual(['Jean Morel', 'Jean Morel']);
  });

  it('gives a verb of continuation to the last speaker rather than to a person only mentioned', () => {
    const text = '« Nous ferons appel de cette décision », a dit Paul Roux. Le tribunal a condamné Marc Petit mardi. « Ce jugement ne tient aucun compte des faits », a-t-il ajouté.';
    expect(speakers(text, 'fr')).toEqual(['Paul Roux', 'Paul Roux']);
  });
});

describe('pronoun antecedents: evidence of gender and of persons', () => {
  it('lets the pronoun overrule a gender guessed from a first name, and keeps a ship’s name from the captain’s job', () => {
    const text =
      '"The storm took everything we had," Joan Riera said. Later, the captain of the trawler Sea Rose, Joan Pere Vidal, admitted the sector had first opposed the quotas.\n' +
      '"Most of us are not against the rules," he said.';
    expect(speakers(text, 'en')).toEqual(['Joan Riera', 'Joan Pere Vidal']);
  });

  it('takes a speech verb with an object for reported speech when a person is its subject', () => {
    const text =
      'Fernand Muller (PSL) a regretté un discours « très faible ». L’ancien président du parti évoque également un manque de diplomatie du ministre envers ses voisins.\n' +
      '« Pas un mot sur les dictateurs du monde entier, rien, absolument rien. »';
    expect(speakers(text, 'fr').at(-1)).toBe('Fernand Muller');
  });

  it('still reads « peut-on lire » as the outlet when « il » was taken up for it before', () => {
    const text = 'En mai, Reporterre publie une enquête sur l’usine. Il y affirme que les rejets ont doublé en un an. « Les rejets dépassent les seuils autorisés depuis deux ans », peut-on lire.';
    expect(speakers(text, 'fr')).toEqual(['Reporterre']);
  });
});

describe('antecedents: an organisation named in a job’s complement', () => {
  it('does not take « la dirigeante de la CGT » for a job of the CGT: the pronoun finds the person', () => {
    const text =
      'Mardi, le président a reçu Claire Lenoir, la secrétaire générale de la CGT. La dirigeante de la CGT affirme avoir transmis plusieurs messages au président.\n« Je me suis adressée à lui avec gravité, car la situation me paraît très inquiétante », confie-t-elle.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Claire Lenoir');
  });
});

describe('antecedents: the subject after an aside between dashes', () => {
  it('reads past a subordinate clause and an aside between dashes to the subject the pronoun takes up', () => {
    const text =
      'From the deck of his boat, skipper Ade Okafor watches the market closely.\nWhile prices keep rising — the season has been poor — Okafor, 30 years at sea, keeps an eye on the stalls.\n“When you look at good fish, it is pure white and it is beautiful,” he said.';
    expect(analyzeArticle({ title: null, text, lang: 'en' }).quotes[0]?.speaker).toBe('Ade Okafor');
  });
});

describe('antecedents: definite descriptions of the person spoken about', () => {
  it('takes an epithet for the person the sentence before is about', () => {
    const text = 'Thomas Edison never wore a fitted running shirt. But the inventor, who famously said, “Genius is one percent inspiration and ninety-nine percent perspiration,” might as well have been talking about the brand.';
    expect(analyzeArticle({ title: null, text, lang: 'en' }).quotes[0]?.speaker).toBe('Thomas Edison');
  });

  it('takes a description no one was given, after a heading, for the last person quoted', () => {
    const text =
      'Claire Lenoir, secrétaire générale du syndicat, a été reçue mardi à l’Elysée.\n« Beaucoup de salariés vont considérer qu’il n’y a pas d’autre choix que la colère », argumente-t-elle.\nDésaccord total\nPour la syndicaliste, il n’existe qu’une voie pour « apaiser la colère et tourner enfin la page du conflit social ».';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes.map((quote) => quote.speaker)).toEqual(['Claire Lenoir', 'Claire Lenoir']);
  });
});

describe('antecedents: a first name’s gender against the pronoun', () => {
  it('prefers a person whose first name agrees with the pronoun over the focus whose first name disagrees', () => {
    const text = 'John Smith met with Sarah Connor on Monday. "The talks were very productive and we made real progress," she said.';
    expect(analyzeArticle({ title: null, text, lang: 'en' }).quotes[0]?.speaker).toBe('Sarah Connor');
  });

  it('still lets the pronoun overrule a first name when no one else fits', () => {
    const text = 'Au port, le capitaine du chalutier, Joan Vidal, admet que les règles sont justes.\n« Nous dépendons de la mer et nous nous engageons à la protéger pour nos enfants », déclare-t-il.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Joan Vidal');
  });
});

describe('antecedents: a role against the jobs the article gave', () => {
  it('takes a second description for the person the sentence before is about, even one given a job', () => {
    const text = 'Le patron de Renault, Luca de Meo, se veut rassurant. « Nous avons les moyens de traverser cette crise sans licencier personne », assure le dirigeant italien.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Luca de Meo');
  });

  it('takes an epithet for a person given an office, and a role of a named organisation for someone new', () => {
    const epithet = 'La maire de Paris, Anne Hidalgo, a présenté son plan vélo.\n« Nous voulons que Paris soit une ville entièrement cyclable d’ici à 2026 », a expliqué l’élue socialiste.';
    expect(analyzeArticle({ title: null, text: epithet, lang: 'fr' }).quotes[0]?.speaker).toBe('Anne Hidalgo');
    const sport = 'Kylian Mbappé a marqué un doublé. « C’est une victoire importante pour le groupe et pour la confiance », a réagi l’attaquant des Bleus au micro de TF1.';
    expect(analyzeArticle({ title: null, text: sport, lang: 'fr' }).quotes[0]?.speaker).toBe('Kylian Mbappé');
  });

  it('keeps a role that names its organisation for someone new, and never takes the complement for the holder', () => {
    const text = 'Le ministre de l’Intérieur Gérald Darmanin a reçu les maires. « Nous allons renforcer les effectifs de police partout en France », a déclaré le président du Sénat.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('le président du Sénat');
  });
});

describe('antecedents: plural pronouns', () => {
  it('takes up the group the sentence before is about when no group has spoken yet', () => {
    const text = 'Les syndicats appellent à une nouvelle journée de mobilisation. « Le gouvernement doit retirer cette réforme injuste », ont-ils déclaré dans un communiqué commun.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Les syndicats');
  });
});

describe('antecedents: epithets of age', () => {
  it('takes « la quinquagénaire » for the woman the sentence before is about', () => {
    const text = 'Nathalie Roux, 52 ans, n’en revient toujours pas. « J’ai tout perdu en une nuit, ma maison, mes souvenirs, tout », souffle la quinquagénaire.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Nathalie Roux');
  });
});

describe('antecedents: a minister named before', () => {
  it('takes « le ministre de l’Intérieur » for the politician the sentence before is about', () => {
    const text = 'Gérald Darmanin était l’invité de BFMTV dimanche. Le ministre de l’Intérieur a affirmé que « la police fera respecter l’ordre partout sur le territoire ».\n« Il n’y aura aucune zone de non-droit », a-t-il insisté.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes.map((quote) => quote.speaker)).toEqual(['Gérald Darmanin', 'Gérald Darmanin']);
  });

  it('still keeps a prosecutor for someone new', () => {
    const text = 'Jean Martin a été interpellé mardi à son domicile. « Il sera présenté à un juge d’instruction dans la journée », a indiqué le procureur.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('le procureur');
  });
});

describe('antecedents: a first name set off by an age or a job', () => {
  it('reads « Olena, 34 ans, mère de deux enfants » as a person the pronoun takes up', () => {
    const text = 'À Kiev, la population se prépare à un nouvel hiver de guerre. Olena, 34 ans, mère de deux enfants, a acheté un générateur. « On ne sait jamais quand l’électricité va revenir », explique-t-elle.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Olena');
  });

  it('takes « la cheffe du gouvernement » for the woman named before', () => {
    const text = 'Elisabeth Borne a répondu aux critiques. « Je suis à la tâche et je compte bien le rester jusqu’au bout », a déclaré la cheffe du gouvernement.';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Elisabeth Borne');
  });
});

describe('antecedents: a role given by a title before the name', () => {
  it('takes "the governor", « l’avocat » up as the person titled so before', () => {
    const english = 'Gov. Kathy Hochul announced the new plan on Monday. The governor said the state would invest "billions of dollars in new housing for working families over the next decade."';
    expect(analyzeArticle({ title: null, text: english, lang: 'en' }).quotes[0]?.speaker).toBe('Kathy Hochul');
    const french = 'Me Pierre Martin défend le prévenu depuis deux ans. « Nous allons faire appel de cette décision dès demain matin », a déclaré l’avocat.';
    expect(analyzeArticle({ title: null, text: french, lang: 'fr' }).quotes[0]?.speaker).toBe('Pierre Martin');
  });

  it('reads athletes as people: « Le footballeur a présenté ses excuses : « … » »', () => {
    const text = 'Le footballeur a présenté ses excuses sur Instagram : « Je regrette profondément mes propos et je m’excuse auprès de tous ceux que j’ai blessés. »';
    expect(analyzeArticle({ title: null, text, lang: 'fr' }).quotes[0]?.speaker).toBe('Le footballeur');
  });
});

describe('antecedents: a description owned by the person before', () => {
  it('does not let "her landlord" hide the woman it belongs to', () => {
    const text = 'Ana Silva moved to Lisbon in 2019. Her landlord raised the rent twice last year. "I don’t know how much longer I can afford to stay here," she said.';
    expect(analyzeArticle({ title: null, text, lang: 'en' }).quotes[0]?.speaker).toBe('Ana Silva');
  });
});
