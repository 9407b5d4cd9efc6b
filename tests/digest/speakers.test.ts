import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/digest/analyze.ts';

function speakers(text: string, lang: string): [string, string | null][] {
  return analyzeArticle({ title: null, text, lang }).quotes.map((q) => [q.text, q.speaker]);
}

describe('speakers: attribution in the same sentence', () => {
  it('reads "X said" and "said X" with titles and job descriptions stripped', () => {
    expect(speakers('"We will not back down," Prime Minister Keir Starmer told reporters on Tuesday.', 'en')).toEqual([['We will not back down', 'Keir Starmer']]);
    expect(speakers('"We stand ready to assist in any way possible," Pentagon spokesman Mark Wright said.', 'en')[0]?.[1]).toBe('Mark Wright');
    expect(speakers('"It is so shallow that they may spot the plane," said Erik van Sebille, an oceanographer.', 'en')[0]?.[1]).toBe('Erik van Sebille');
  });

  it('reads French inverted attributions and « selon X »', () => {
    expect(speakers("« Nous ne céderons pas », a déclaré le Premier ministre, Michel Barnier, lors d'une conférence de presse.", 'fr')[0]?.[1]).toBe('Michel Barnier');
    expect(speakers('« Vachement bon en manœuvres politiques », selon un proche du président, il se montre redoutable.', 'fr')[0]?.[1]).toBe('un proche du président');
    expect(speakers("« Les négociations sont dans l'impasse », a confié à l'AFP un diplomate européen sous couvert d'anonymat.", 'fr')[0]?.[1]).toBe('un diplomate européen');
  });

  it('reads a speech verb before the quote, across an apposition or a relative clause', () => {
    expect(speakers('Le porte-parole du Kremlin, Dmitri Peskov, a déclaré : « Nous n\'avons pas été informés de ces plans. »', 'fr')[0]?.[1]).toBe('Dmitri Peskov');
    expect(speakers('Smith, who was elected in 2019, said: "I have no intention of resigning from this office."', 'en')[0]?.[1]).toBe('Smith');
    expect(speakers('Mark Addison, then her private secretary, said the plan would lead to "lower standards across the country".', 'en')[0]?.[1]).toBe('Mark Addison');
  });

  it('skips the person spoken to and reads « Pour X, … » opinion frames', () => {
    expect(speakers("« Nous sommes très inquiets », a indiqué à l'AFP Jean-Marc Durand, président de l'association.", 'fr')[0]?.[1]).toBe('Jean-Marc Durand');
    expect(speakers("Pour le ministre de l'Intérieur, Gérald Darmanin, « la menace terroriste reste très élevée ».", 'fr')[0]?.[1]).toBe('Gérald Darmanin');
    expect(speakers('"We are experiencing bad weather now," air force rescue coordinator S.B. Supriyadi told AFP.', 'en')[0]?.[1]).toBe('S.B. Supriyadi');
  });

  it('does not take a noun for a speech verb, nor a word in -ly for an adverb', () => {
    const text = 'She asked for a delay, in line with the demands of many teachers, to ensure the syllabuses were "sufficiently rigorous and properly assessed".';
    expect(speakers(text, 'en')[0]?.[1]).not.toBe('line with the');
    expect(speakers('"We are devastated by this loss," the family said in a statement.', 'en')[0]?.[1]).toBe('the family');
  });

  it('takes the article\'s own words for organisations and groups', () => {
    expect(speakers('"Our priority is the safety of our passengers and crew," the airline said in a statement.', 'en')[0]?.[1]).toBe('the airline');
    expect(speakers("Selon l'Insee, « l'inflation devrait ralentir au second semestre ».", 'fr')[0]?.[1]).toBe('Insee');
    expect(speakers('Le projet de loi énonce les domaines que peuvent invoquer les services. Il s’agit de « l’indépendance nationale et de la défense nationale ».', 'fr')[0]?.[1]).toBe('Le projet de loi');
    expect(speakers('Qualifié de « gourou de la majorité » par un dirigeant du parti, il sait entretenir ses rapports.', 'fr')[0]?.[1]).toBe('un dirigeant du parti');
  });
});

describe('speakers: well-formed speaker strings', () => {
  it('reads « le juge » after a verb as an article and a noun, and stops before closing time words', () => {
    expect(speakers('« La procédure est close », a indiqué le juge mardi soir.', 'fr')[0]?.[1]).toBe('le juge');
  });

  it('skips contrastive asides between an inverted verb and its subject', () => {
    expect(speakers('« Rien n’est encore réglé pour nous », nuance quant à lui Bruno Lafont.', 'fr')[0]?.[1]).toBe('Bruno Lafont');
    expect(speakers('« Nous irons jusqu’au bout de cette procédure », affirme de son côté Maître Lise Aubert.', 'fr')[0]?.[1]).toBe('Lise Aubert');
  });

  it('knows verbs of advice and the future of characterisation verbs', () => {
    expect(speakers('« Buvez beaucoup d’eau pendant les fortes chaleurs », conseille Hélène Morin, pharmacienne.', 'fr')[0]?.[1]).toBe('Hélène Morin');
    expect(speakers('Une réforme que les syndicats qualifieront de « recul social sans précédent ».', 'fr')[0]?.[1]).toBe('les syndicats');
  });

  it('reads "notes of", "claims of" as nouns inside a source', () => {
    const text = 'According to the explanatory notes of the draft bill, it must "protect the confidentiality of every source".';
    expect(speakers(text, 'en')[0]?.[1]).toBe('the explanatory notes of the draft bill');
  });

  it('takes a surname for the person whose name it ends, not the company it begins', () => {
    const text = 'Kevin Doyle founded Doyle Plumbing Inc in 1998. "Business is slowly coming back," Doyle said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Kevin Doyle');
  });

  it('takes no indefinite thing for a speaker, and gives a colon the words of its clause’s subject', () => {
    const text = 'Le romancier Paul Tessier est venu. Il porte un regard critique sur son époque : « Nous avons tout sacrifié à la vitesse. »';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Paul Tessier');
  });
});

describe('speakers: verbs before, sources after, closing attributions', () => {
  it('gives the quote to the subject of the verb introducing it, "according to" naming only the reporter', () => {
    const text =
      'On Monday, answering a claim that he had agreed to sell the paper, the owner, Laura Finch, rejected the report and said “we have never considered selling the newspaper to anyone,” according to the BBC.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Laura Finch');
  });

  it('reads a speech verb with its particle ("pointed out"), and not without it ("pointed to")', () => {
    const text = 'As the National Audit Office has pointed out, the scheme would be used “for the purpose of tracking every payment made by a citizen”.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('National Audit Office');
    const pointing = 'Mayor Ann Ruiz pointed to a leaflet that promised to use the data “for the purpose of tracking every payment made by a citizen”.';
    expect(speakers(pointing, 'en')[0]?.[1]).toBeNull();
  });

  it('keeps the person told as the object of "told", and reads scare quotes as part of the attribution', () => {
    expect(speakers('"We will appeal against this ruling," a spokesman for the club told the Guardian.', 'en')[0]?.[1]).toBe('a spokesman for the club');
    const apposed = '"A 2% offer is a pay cut for every driver," the union\'s general secretary, Maria Lopez, told reporters outside the ministry.';
    expect(speakers(apposed, 'en')[0]?.[1]).toBe('Maria Lopez');
    const scare = '“Prices will not come down before spring,” one trader with “inside knowledge” of the talks told Reuters.';
    expect(speakers(scare, 'en')[0]?.[1]).toMatch(/^one trader with/u);
  });

  it('lets an attribution closing the sentence cover a quote whose own verb has a thing for subject', () => {
    const text = 'That inflation stays high suggests “the recovery has barely reached ordinary households” in most regions, Vargas said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Vargas');
  });
});

describe('speakers: organisations and documents', () => {
  it('keeps a name governed through its article inside the phrase (« le ministère de l’Intérieur »)', () => {
    expect(speakers("Selon le ministère de l'Intérieur, « plus de 200 000 personnes ont manifesté dans toute la France ».", 'fr')[0]?.[1]).toBe("le ministère de l'Intérieur");
  });

  it('reads an apposed name after a courtesy title, « pointer » as a speech verb, and participial appositions', () => {
    const lawyer = "« Nous allons porter plainte dès demain », annonce l'avocat de la famille, Me Jean Dupond.";
    expect(speakers(lawyer, 'fr')[0]?.[1]).toBe('Jean Dupond');
    expect(speakers('Le rapport de la Cour des comptes pointe « une gestion défaillante et des dépenses mal maîtrisées ».', 'fr')[0]?.[1]).toBe(
      'Le rapport de la Cour des comptes',
    );
    expect(speakers('The report, published by the charity, describes "a systematic campaign of intimidation against journalists".', 'en')[0]?.[1]).toBe('The report');
  });
});

describe('speakers: publications, courts and documents', () => {
  it('gives « peut-on lire dans X » to the publication read, and a bare « peut-on lire » to the last one cited', () => {
    expect(speakers('« La direction a maquillé ses comptes pendant trois ans », peut-on lire dans Libération.', 'fr')[0]?.[1]).toBe('Libération');
    const bare = 'Le site Reporterre publie une enquête sur l’usine. « Les rejets dépassent les seuils autorisés depuis deux ans », peut-on lire.';
    expect(speakers(bare, 'fr')[0]?.[1]).toBe('Reporterre');
  });

  it('gives the quoted grounds of a legal act to the authority that performed it, never to the person charged', () => {
    const passive = 'Le 3 mars, une enquête a été ouverte par le parquet de Lyon pour « mise en danger de la vie d’autrui, blessures involontaires et non-assistance à personne en danger ».';
    expect(speakers(passive, 'fr')[0]?.[1]).toBe('le parquet de Lyon');
    const active = 'En janvier, le tribunal correctionnel de Rennes a ouvert une information judiciaire contre l’élu pour des soupçons de « favoritisme, prise illégale d’intérêts et recel de biens sociaux dans l’attribution de marchés publics ».';
    expect(speakers(active, 'fr')[0]?.[1]).toBe('le tribunal correctionnel de Rennes');
    const charged = 'Le maire est mis en examen pour « favoritisme et prise illégale d’intérêts dans l’attribution de plusieurs marchés publics ».';
    expect(speakers(charged, 'fr')[0]?.[1]).toBeNull();
  });

  it('takes « le quotidien », "the paper" for the outlet last cited', () => {
    const text = 'En mai, Libération révèle que le contrat a été signé sans appel d’offres. « Personne au ministère ne pouvait l’ignorer », peut-on lire dans le quotidien.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Libération');
  });
});

describe('speakers: pronouns and surnames', () => {
  it('resolves a pronoun to the last person of the same grammatical gender', () => {
    const text =
      "Lors d'une réunion à Moscou, la ministre nord-coréenne des Affaires étrangères Choe Son Hui a rencontré le ministre russe Sergueï Lavrov. " +
      '« Nos relations atteignent un nouveau niveau de camaraderie », a-t-elle proclamé.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Choe Son Hui');
    expect(speakers('Angela Merkel met Emmanuel Macron in Berlin. "Europe must stand together in these times," she said.', 'en')[0]?.[1]).toBe('Angela Merkel');
  });

  it('reads "it said" as the last organisation that spoke', () => {
    const text = 'Acme Corp said on Monday that profits fell. "We expect a recovery in the second half of the year," it said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Acme Corp');
  });

  it('skips short asides between a name and its verb', () => {
    expect(speakers('Sen. Tom Carper, D-Del., said: "Ninety-eight percent of our scientists say this is a problem."', 'en')[0]?.[1]).toBe('Tom Carper');
  });

  it('prefers the last speaker of that gender over a later mention', () => {
    const text = 'John Smith and Sarah Jones met on Monday. "We are almost there," Jones said. "It could happen this week," she added.';
    expect(speakers(text, 'en').map(([, s]) => s)).toEqual(['Sarah Jones', 'Sarah Jones']);
  });

  it('links a surname alone to the fullest name given earlier', () => {
    expect(speakers('Clément Sawadogo a fait face à la presse. « Les chiffres que je vous ai communiqués sont exacts », a précisé Sawadogo.', 'fr')[0]?.[1]).toBe('Clément Sawadogo');
    expect(speakers('Sir Keith Joseph wrote to her. Sir Keith said pupils were "simply ranked in merit order, with little regard".', 'en')[0]?.[1]).toBe('Keith Joseph');
  });

  it('resolves « affirme-t-elle » to a woman described with a masculine job noun', () => {
    const text =
      'Devant sa classe, Marie-Claude Perrin, professeur de lettres, défend la grève. « Ce texte est une régression pour tous, affirme-t-elle. Nous ne céderons pas. »\n' +
      'Elle affirme « Nous avons tout réorganisé avec les étudiants depuis janvier ».';
    expect(speakers(text, 'fr').map(([, s]) => s)).toEqual(['Marie-Claude Perrin', 'Marie-Claude Perrin']);
  });

  it('links a generic noun for a person (« la jeune femme », "the young woman") to the person just named', () => {
    const french = "On a discuté avec Nawel. Cette jeune fille de 19 ans étudie la chimie. « On ne sait rien des examens, soupire-t-elle. Tout est flou. »";
    expect(speakers(french, 'fr')[0]?.[1]).toBe('Nawel');
    const english = 'We met Sarah Okafor at the shelter on Monday. The young woman said: "We have never seen so many families arriving in one week."';
    expect(speakers(english, 'en')[0]?.[1]).toBe('Sarah Okafor');
  });

  it('links a job description to the person given that job by an apposition or a predicate', () => {
    const french = "Léon Garnier est un architecte reconnu. « Nous avons rasé des quartiers entiers sans écouter personne », regrette l’architecte.";
    expect(speakers(french, 'fr')[0]?.[1]).toBe('Léon Garnier');
    const footnote = "Selon Inès Ferrand (1), chercheuse au CNRS et épidémiologiste, le virus circule. « Le pic est derrière nous », précise l'épidémiologiste.";
    expect(speakers(footnote, 'fr')[0]?.[1]).toBe('Inès Ferrand');
  });

  it('prefers the subject of the sentence before (the centre) to the person mentioned last', () => {
    const text = 'Paul Girard thanked Marc Dubois for his help. "This would not have been possible without the volunteers," he said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Paul Girard');
    const cataphora = 'Although he said little, David Clarke stayed until the end. "I have signed away my weekends," he joked.';
    expect(speakers(cataphora, 'en')[0]?.[1]).toBe('David Clarke');
  });

  it('takes a name followed by "who" for a person, even opening the article', () => {
    const text = 'Okafor, who has led the company since 2015, dismissed the criticism. "Our numbers speak for themselves and the board knows it," he said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Okafor');
  });

  it('takes the name after "organisation + job noun" for the subject ("… committee chair Ronna Blake")', () => {
    const text = 'But Republican National Committee chair Ronna Blake pushed back on the claim of Senator Mary Collins.\n“Ed did work with the President, he did robocalls,” she said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Ronna Blake');
  });

  it('takes initials before a surname as the mark of a person', () => {
    const text = 'The film is directed by R.J. Calder. Calder asked the actors to improvise every scene. "I wanted them to find the characters themselves," he said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('R.J. Calder');
  });

  it('takes a definite role no one was given for the named subject just before (varied reference)', () => {
    const french = 'Julien Marchand a reçu les syndicats jeudi. « Le dialogue social doit reprendre au plus vite », a déclaré le chef de l’Etat.';
    expect(speakers(french, 'fr')[0]?.[1]).toBe('Julien Marchand');
    const english = 'Chloe Hart asked her cast to improvise. “Scripts never tell you everything about a character,” the director said.';
    expect(speakers(english, 'en')[0]?.[1]).toBe('Chloe Hart');
    const other = 'Marc Petit, le maire, a reçu les syndicats. « Le dialogue social doit reprendre au plus vite », a déclaré le préfet.';
    expect(speakers(other, 'fr')[0]?.[1]).toBe('le préfet');
  });

  it('looks past a sentence about a thing for the person a description takes up', () => {
    const text =
      "Dans sa boulangerie de Lille, Karima Haddad fait les comptes. La facture d'électricité a triplé en un an.\n« Je ne sais pas comment on va tenir jusqu'à l'été », confie la commerçante de 52 ans.";
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Karima Haddad');
  });

  it('lets an office (le procureur, the prosecutor) bring in a new person rather than take up the subject before', () => {
    const text = 'Jean Martin, 45 ans, a été interpellé mardi. « Il a reconnu une partie des faits reprochés », a indiqué le procureur.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('le procureur');
  });

  it('keeps a role given in the same sentence as a named subject for someone else', () => {
    const text = 'Le 31 août, Paul Girard a obtenu un non-lieu, au motif que « les faits ne sont pas suffisamment caractérisés », a expliqué le juge.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('le juge');
  });

  it('separates the domain of a job from the name of its holder, and reads a title word ending a name as a surname', () => {
    const text = 'Le 3 mars, la ministre des Armées Claire Vasseur annonce sa démission. « Je pars pour des raisons personnelles et familiales », a-t-elle déclaré.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Claire Vasseur');
    expect(speakers("Le ministre de l'Economie Paul Le Maire a affirmé que « la croissance sera au rendez-vous cette année ».", 'fr')[0]?.[1]).toBe('Paul Le Maire');
  });

  it('gives words quoted under the conditional of hearsay to the publication that reported them', () => {
    const text =
      "Le 2 mai, on lit dans Libération que l'ancien conseiller Marc Tessier est visé par une enquête. Il aurait mis au point un système pour « contourner les plafonds de dépenses de la campagne ».";
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Libération');
  });

  it('resolves a pronoun to a person named by role only', () => {
    expect(speakers("Le Premier ministre a été interpellé. « Nous n'avons rien à cacher », martèle-t-il.", 'fr')[0]?.[1]).toBe('Le Premier ministre');
  });

  it('resolves a job description to the person the article gave that job', () => {
    const text = 'President Barack Obama spoke to the BBC. The president said gun control was "the greatest frustration of my presidency".';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Barack Obama');
  });
});

describe('speakers: quotes without attribution', () => {
  it('takes the speaker of a following quote attributed with a verb of continuation', () => {
    const text = 'Les autorités sont sans nouvelles «d’encore plus de 200» personnes. «Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.';
    expect(speakers(text, 'fr').map(([, s]) => s)).toEqual(['Laurent Fabius', 'Laurent Fabius']);
  });

  it('carries the speaker into a following quote paragraph', () => {
    const text = '"We have lost everything," said Ahmed Khan, a farmer from the valley.\n"The water came in the night and took the house, the animals, the crops."';
    expect(speakers(text, 'en').map(([, s]) => s)).toEqual(['Ahmed Khan', 'Ahmed Khan']);
  });

  it('takes the human subject of the clause a fragment sits in', () => {
    const text = 'Alors que d\'anciens amis n\'en gardent "pas tous un souvenir impérissable", il reste influent.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe("d'anciens amis");
  });

  it('gives nobody for hypothetical words and unattributed text', () => {
    expect(speakers('There was a flicker across his face as if to say "You think you got me?" before he smiled.', 'en')[0]?.[1]).toBeNull();
    expect(speakers('The banner read "No more war in our name, ever again" above the crowd.', 'en')[0]?.[1]).toBeNull();
  });
});

describe('speakers: attribution frames', () => {
  it('reads a short attribution sentence after a quote that ends with its own question mark', () => {
    const text = 'Analysts offered several theories.\n“Can the chain really keep cutting prices while its costs keep rising?” Moreno said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Moreno');
    const report = 'Analysts offered several theories.\n“Can the chain really keep cutting prices while its costs keep rising?” Moreno said the company had no plan.';
    expect(speakers(report, 'en')[0]?.[1]).toBeNull();
  });

  it('reads an attribution closing the sentence after a clause outside the marks', () => {
    const text = 'Many figures oppose any deal.\n“The party is responsible for the decline of the whole economy” while it was in power, Karimi said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Karimi');
  });

  it('skips adverbial asides and the outlet spoken to between the verb and its subject', () => {
    const text = 'Plusieurs élus ont réagi. « Un discours creux qui promettait tout sans rien financer », a par exemple résumé sur France Info Claire Dumas, cheffe du groupe.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Claire Dumas');
    const english = 'State Rep. Lisa Grant (R-Akron), for instance, said the governor "has never once listened to the small towns of this state."';
    expect(speakers(english, 'en')[0]?.[1]).toBe('Lisa Grant');
  });

  it('reads verbs of publishing and reporting as attributions after the quote', () => {
    expect(speakers('« La ligne 4 est fermée en raison d’une inspection dans le tunnel », a publié l’opérateur ferroviaire sur X.', 'fr')[0]?.[1]).toBe('l’opérateur ferroviaire');
    expect(speakers('« Les défenses ont intercepté douze drones au-dessus de la région », rapporte l’état-major dans un communiqué.', 'fr')[0]?.[1]).toBe('l’état-major');
  });
});

describe('speakers: the head of the subject phrase', () => {
  it('takes the name closing a job’s complement for the holder, never an acronym naming the noun', () => {
    expect(speakers('« La croissance ralentira en fin d’année », a prévenu le commissaire aux transports Henri Valmy.', 'fr')[0]?.[1]).toBe('Henri Valmy');
    expect(speakers('« Le syndicat ne signera pas cet accord », a déclaré le président du syndicat SUD.', 'fr')[0]?.[1]).toBe('le président du syndicat SUD');
  });

  it('takes the name before an apposition, not the organisation the apposition names', () => {
    const text = 'Priya Shah, a researcher at the Brussels think tank Bruegel, spoke to Reuters on Monday.\n"Nothing suggests a quick recovery this year or next."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Priya Shah');
  });

  it('strips "PM" as a title', () => {
    expect(speakers('"We will now focus on the cuts," PM Carney said on Monday.', 'en')[0]?.[1]).toBe('Carney');
  });
});

describe('speakers: verbs that govern an object, not a subject', () => {
  it('reads no inverted subject after a participle: its object follows it', () => {
    const text = "Rachel Morel, qui recevra jeudi le chancelier allemand, affirme qu'elle veut « relancer le dialogue sur tous les sujets qui fâchent encore » entre les deux pays, évoquant en particulier la défense et l'énergie.";
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Rachel Morel');
  });

  it('reads a verb of characterisation through its object, but not as an adjective before another verb', () => {
    const english = 'At Delta, Dana Whitfield called the impact of the storm "pretty limited, so far," with four cancellations.';
    expect(speakers(english, 'en')[0]?.[1]).toBe('Dana Whitfield');
    const french = 'Paul Roux a pris la parole. À ses yeux, la situation décrite par le ministre est « bien plus grave qu’il ne le dit ».';
    expect(speakers(french, 'fr')[0]?.[1]).toBe('Paul Roux');
  });
});

describe('speakers: documents and accounts with their authors', () => {
  it('takes the author a document or an account comes with after « selon » / "according to"', () => {
    const french = 'Le maire a été hospitalisé mardi. « Son état de santé est stable et il reste sous surveillance », selon ce communiqué transmis par la mairie.';
    expect(speakers(french, 'fr')[0]?.[1]).toBe('la mairie');
    const account = 'Pour ce rendez-vous, Mme Lenoir est « arrivée avec ses propres revendications sur les salaires », d’après le récit qu’elle livre au Parisien.';
    expect(speakers(account, 'fr')[0]?.[1]).toBe('Lenoir');
    const english = 'The plant will close. "Production will move to the new site over the next two years," according to a statement released by the company.';
    expect(speakers(english, 'en')[0]?.[1]).toBe('the company');
  });
});

describe('speakers: subjects after a fronted place', () => {
  it('never opens the subject at an article fused with a preposition (« au port de … »)', () => {
    const text = 'Au port de Brest, le patron du chalutier Ar Mor, Yann Le Goff, admet que les quotas sont justifiés.\n« Nous dépendons de la mer et nous voulons la protéger pour nos enfants », déclare-t-il.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Yann Le Goff');
  });

  it('reads an inverted speech verb before a name as a verb, not as the person’s job', () => {
    const text = '« La défiance à l’égard de l’exécutif est profonde chez les salariés », juge Mme Lenoir. « Nous ne lâcherons rien sur les salaires cette année », ajoute la syndicaliste.';
    expect(speakers(text, 'fr').map(([, speaker]) => speaker)).toEqual(['Lenoir', 'Lenoir']);
  });
});

describe('speakers: the outlet spoken to before an inverted speaker', () => {
  it('splits a web address off the speaker’s name, whatever the first name', () => {
    const text = '« Un discours qui promettait tout sans rien dire de concret sur les retraites », a résumé à Lesoir.be Dominique Renard, chef du groupe.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Dominique Renard');
  });
});

describe('speakers: documents and comments as the subject a quotation is embedded in', () => {
  it('gives the quotations a clause lists to its subject when that subject is a document or comments', () => {
    const french = 'La photo a fait le tour des réseaux. Les réactions allaient de « c’est une honte pour tout le pays » à « enfin une bonne nouvelle pour nous ».';
    expect(speakers(french, 'fr').map(([, speaker]) => speaker)).toEqual(['Les réactions', 'Les réactions']);
    const english = 'The photo went viral. The comments ranged from "this is product placement gone completely mad" to "free marketing for the brand, again".';
    expect(speakers(english, 'en').map(([, speaker]) => speaker)).toEqual(['The comments', 'The comments']);
  });
});

describe('speakers: sentences that end on a one-letter word', () => {
  it('ends a sentence on « sur X. » before a quotation, so the role after it takes up the person before', () => {
    const text = 'Jean-Luc Mélenchon a réagi sur X. « Le gouvernement a perdu toute légitimité à nos yeux et à ceux du pays », a écrit le leader de La France insoumise.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Jean-Luc Mélenchon');
    expect(speakers('"This is a victory for every family in the state," said Donald J. Trump on Tuesday.', 'en')[0]?.[1]).toBe('Donald J. Trump');
  });
});

describe('speakers: the named subject of the sentence a quotation sits in', () => {
  it('gives a quotation in a clause without a subject of its own to the person the sentence is about', () => {
    const text = 'Quatre élus ont réagi au discours. Marc Weber (Verts) a, pour sa part, osé la comparaison avec l’ancien Premier ministre, lequel était « bien meilleur orateur que le chef du gouvernement actuel ». Quant à Paul Roux, il a regretté un discours « très faible, sans aucune vision pour le pays ».';
    expect(speakers(text, 'fr').map(([, speaker]) => speaker)).toEqual(['Marc Weber', 'Paul Roux']);
  });

  it('gives it to the group or institution the sentence is about, before the speaker of the next quotation', () => {
    const text = 'La police avait été appelée peu avant 7 heures dans le quartier, « au nord-est de la ville, par des habitants affirmant que des personnes avaient été blessées ». La station « est fermée en raison d’une enquête policière dans le quartier », a publié la compagnie de transport sur X.';
    expect(speakers(text, 'fr').map(([, speaker]) => speaker)).toEqual(['La police', 'la compagnie de transport']);
  });

  it('leaves a title quoted in a cross-reference to nobody', () => {
    const text = 'Lire aussi Marie Dupont, « En Corée, la politique du rayon de soleil », Le Monde diplomatique, juin 2018.';
    expect(speakers(text, 'fr')[0]?.[1] ?? null).toBeNull();
  });
});

describe('speakers: a quotation taken up by the sentence after it', () => {
  it('reads « Cette petite phrase de X » and "Those remarks by X" after an unattributed quotation', () => {
    const french = 'Le gouvernement cherche des recettes.\n« Nous réfléchissons à des changements dans les participations de l’État. » Cette petite phrase de Bruno Lemaire, au Figaro, augure-t-elle d’une vague de cessions ?';
    expect(speakers(french, 'fr')[0]?.[1]).toBe('Bruno Lemaire');
    const english = 'The debate turned sour.\n“We will not fund a single cent of this wasteful project.” Those remarks by Senator Jane Holt drew boos from the gallery.';
    expect(speakers(english, 'en')[0]?.[1]).toBe('Jane Holt');
  });
});

describe('speakers: a short name opening a sentence', () => {
  it('reads the first or last word of a full name given before as that person at the start of a sentence', () => {
    const text = 'Kim Jong Un oversaw the launch, state media reported. Kim said the test "clearly demonstrated the reliability of the new weapon system."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Kim Jong Un');
  });
});

describe('speakers: prepositions that close the subject', () => {
  it('ends an inverted subject before « devant », "amid" and the like', () => {
    expect(speakers('« Nous sommes prêts à gouverner le pays dès demain », a lancé le président du parti devant ses partisans.', 'fr')[0]?.[1]).toBe('le président du parti');
    expect(speakers('"We will not back down from this fight, not now and not ever," said the union leader amid cheers.', 'en')[0]?.[1]).toBe('the union leader');
  });
});

describe('speakers: relative clauses for things', () => {
  it('takes up the nearest noun phrase with "which", not the person the sentence is about', () => {
    const text = 'Omar Haddad is the head of the Arab Dialogue Forum in Jordan, which says on its website that it aims to "protect the historical rights of refugees across the region."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('the Arab Dialogue Forum in Jordan');
  });

  it('still reads "who" back to the person', () => {
    const text = 'Omar Haddad, who leads the Arab Dialogue Forum in Jordan, said that the talks "will not resume until every prisoner is released."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Omar Haddad');
  });
});

describe('speakers: adverbs between a subject and its verb', () => {
  it('reads "first" as an adverb, so the outlet that first reported is the "it" that noted', () => {
    const text = 'The Justice Department told the company to sell the network, according to reports.\nThe Daily Ledger first reported the news, citing three people. Its sources said the department called for the sale, though it noted that the sale was “just one of the demands the government had made.”';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Daily Ledger');
  });
});

describe('speakers: a name heading a description with its organisation', () => {
  it('reads "Dr. X of the Y said" as X, not the organisation', () => {
    const text = 'Dr. Maria Lopes of the World Health Organization said: "We are seeing an increase in cases in every region of the world right now."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Maria Lopes');
  });
});

describe('speakers: party labels and ages around a name', () => {
  it('splits a party acronym off the name it precedes', () => {
    const text = 'Sur son compte X, le député LFI François Ruffin a dénoncé « une réforme injuste qui frappe d’abord les plus modestes ».';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('François Ruffin');
  });

  it('takes "the 52-year-old" for the person the sentence before is about', () => {
    const text = 'Nathan Cole, 52, lost his home in the fire. "I had ten minutes to get out with the kids and the dog," the 52-year-old said.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Nathan Cole');
  });
});

describe('speakers: an unknown name opening a sentence before a speech verb', () => {
  it('reads it as a name the later description takes up, but not a noun for people', () => {
    const text = 'Zelensky said the allies had to act faster. "Ukraine will never forget the help of our partners in these dark days," the Ukrainian president wrote on Telegram.';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Zelensky');
    const witnesses = 'Witnesses said the driver was speeding. "He came out of nowhere and hit the barrier at full speed," one of them told the local paper.';
    expect(speakers(witnesses, 'en')[0]?.[1]).not.toBe('Witnesses');
  });
});

describe('speakers: the antecedent of « qui » after scare quotes and complements', () => {
  it('never opens the phrase inside a scare quote, at « au » or at « du »', () => {
    const text = 'Le patron du parti a annoncé une alliance, une décision « historique » selon lui, mais « une trahison » pour ses opposants au sein du parti qui réclament « son départ immédiat de la présidence du mouvement ».';
    expect(speakers(text, 'fr').at(-1)?.[1]).toBe('ses opposants au sein du parti');
  });
});

describe('speakers: an outlet described after a group spoke', () => {
  it('keeps « l’hebdomadaire » rather than taking up « la famille »', () => {
    const text = '« Ces accusations sont risibles et insultantes pour tous ceux qui le connaissent », souligne la famille. « Les deux hommes entretiennent un violent contentieux politique depuis des années », précise l’hebdomadaire.';
    expect(speakers(text, 'fr').map(([, speaker]) => speaker)).toEqual(['la famille', 'l’hebdomadaire']);
  });
});

describe('speakers: a predicate quoted after a naming noun', () => {
  it('reads "the film “is …”" as words said, not a title', () => {
    const text = 'Tom Hanks and his son Colin attended the premiere. Hanks said the film "is the most personal project I have ever worked on in my whole career."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Tom Hanks');
    expect(speakers('She starred in the film "The Long Road Home to Nowhere" last year.', 'en')).toEqual([]);
  });
});

describe('speakers: speech verbs inside names', () => {
  it('does not read "States" of "the United States" as the verb "states"', () => {
    const text = 'Jake Sullivan said on Sunday that the United States "will not allow Iran to acquire a nuclear weapon, full stop."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Jake Sullivan');
  });
});

describe('speakers: institutions and documents as the subject around a quotation', () => {
  it('gives the quotation to a report or a prefecture the sentence is about', () => {
    const report = 'The report, by the Government Accountability Office, found that the Pentagon "cannot account for more than half of its assets, worth trillions of dollars."';
    expect(speakers(report, 'en')[0]?.[1]).toBe('The report');
    const prefecture = 'La préfecture a pris un arrêté interdisant la manifestation, estimant qu’elle présentait « des risques sérieux de troubles graves à l’ordre public ».';
    expect(speakers(prefecture, 'fr')[0]?.[1]).toBe('La préfecture');
  });
});

describe('speakers: a prepositional aside between the subject and its verb', () => {
  it('reads past ", in his annual letter to shareholders," to the subject', () => {
    const text = 'Warren Buffett, in his annual letter to shareholders, wrote that the company’s performance was "satisfactory, nothing more, nothing less, in a difficult year."';
    expect(speakers(text, 'en')[0]?.[1]).toBe('Warren Buffett');
  });
});

describe('speakers: names with a hyphenated particle', () => {
  it('keeps "al-" names whole, so the apposed name closes the description', () => {
    const text = '« C’est un grand jour pour notre club et pour tous nos supporters », s’est réjoui le président du club, Nasser al-Khelaïfi.';
    expect(speakers(text, 'fr')[0]?.[1]).toBe('Nasser al-Khelaïfi');
  });
});
