/**
 * The word lists and conventions the digest engine needs for one language. Every rule of the engine
 * reads its vocabulary from here, so a language without its own file degrades to the generic lists.
 *
 * @example
 *   const rules = rulesFor('fr');
 *   rules.speechVerbs.has('a-t-elle'); // false: inverted pronouns are matched by `invertedPronoun`
 */

/** Grammatical gender or number of a noun phrase: masculine, feminine, neuter ("it"), plural, or unknown (null). */
export type Gender = 'm' | 'f' | 'n' | 'p' | null;

/** How numbers are written and named in one language. */
export interface NumberRules {
  /** Decimal separator of the locale: ',' in French, '.' in English. */
  decimal: ',' | '.';
  /** True when "1.500" means one thousand five hundred (French, German), false when it is a decimal. */
  dotGroupsThousands: boolean;
  /** Cardinal number words ("deux" → 2, "twenty" → 20); compounds are built from these. */
  words: ReadonlyMap<string, number>;
  /** Words that multiply what precedes them ("millions" → 1e6, "bn" → 1e9). */
  scales: ReadonlyMap<string, number>;
  /** Approximate collective nouns ("trentaine" → 30, "dozen" → 12); vague when plural ("dizaines" → 10). */
  collectives: ReadonlyMap<string, number>;
  /** Fractions of a whole ("moitié" → 0.5, "half" → 0.5, "third" → 1/3). */
  fractions: ReadonlyMap<string, number>;
  /** Hedges and bounds before a number, as lower-case token sequences ("près de", "more than"). */
  hedges: readonly (readonly string[])[];
  /** Hedges that mark a bound or an exact figure, not an approximation ("précisément", "exactly"). */
  exactHedges: ReadonlySet<string>;
  /** Month names, full and abbreviated: a number next to one is a date. */
  months: ReadonlySet<string>;
  /** Whether a day may follow its month ("March 8"); in French a number after a month is a year or a count. */
  dayAfterMonth: boolean;
  /** Time units: "N years ago" / "il y a N ans" are relative dates, not figures. */
  timeUnits: ReadonlySet<string>;
  /** Words that make a following or preceding time unit a relative date ("ago"; "il y a" is `agoBefore`). */
  agoAfter: ReadonlySet<string>;
  agoBefore: readonly (readonly string[])[];
  /** Words joining the ends of a range ("à", "to", "-"), and the words that open one ("entre", "between"). */
  rangeJoiners: ReadonlySet<string>;
  rangeOpeners: ReadonlySet<string>;
  /** Verbs of change: "passé de 3 % à 4 %" gives two figures, not a range. */
  changeVerbs: ReadonlySet<string>;
  /** "of"/"de": the link between a scale or collective and what it counts ("millions de dollars"). */
  of: ReadonlySet<string>;
  /** "sur"/"out of": "huit sur dix" is one figure. */
  outOf: readonly (readonly string[])[];
  /** Nouns that label an identifier rather than count ("article 49", "flight 370", "No 10"). */
  labelNouns: ReadonlySet<string>;
  /** Percent words ("pour cent", "per cent", "percent"). */
  percentWords: readonly (readonly string[])[];
  /** Currency words, to name the unit of an amount. */
  currencyWords: ReadonlySet<string>;
  /** Per-unit links ("par litre", "per day", "a day"). */
  perWords: ReadonlySet<string>;
  /** Adjectives between a number and its noun ("two other people", « deux autres personnes »). */
  postModifiers: ReadonlySet<string>;
  /** Words after which a fraction is a part, not a quantity ("the bottom half", « la première moitié »). */
  positionalAdjectives: ReadonlySet<string>;
  /** Links between a plural scale and what it measures besides "of" ("billions in taxpayer dollars"). */
  amountLinks: ReadonlySet<string>;
}

/** Everything language-specific the engine reads. All word sets hold lower-case forms. */
export interface LanguageRules {
  /** ISO 639-1 code, or 'und' for the generic rules. */
  code: string;
  /** Abbreviations that end with a period but never end a sentence ("m", "mme", "dr", "mr", "st"). */
  abbreviations: ReadonlySet<string>;
  /** Function words that start sentences: after "U.S." one of these means a new sentence. */
  sentenceStarters: ReadonlySet<string>;
  /** Elided articles and pronouns split off a word ("d'", "l'", "qu'"); null when the language has none. */
  elision: RegExp | null;
  /** Function words: never names, never key terms. */
  stopwords: ReadonlySet<string>;
  /** Inflected forms of verbs that introduce reported speech ("said", "a déclaré" → "déclaré"). */
  speechVerbs: ReadonlySet<string>;
  /** Speech verbs whose direct object is the person spoken to ("told the Financial Times"). */
  addresseeVerbs: ReadonlySet<string>;
  /** Verbs that report speech only with their particle ("pointed" + "out"), by inflected form. */
  particleSpeechVerbs: ReadonlyMap<string, string>;
  /**
   * Periphrases that report speech with a light verb before the verb of meaning (« a fait valoir que », « fait
   * savoir que »): each verb of meaning with the inflected forms of its light verb. The subject stands before the
   * light verb.
   */
  speechPeriphrases: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether reported speech may drop its conjunction ("said the talks had stalled", without "that"). */
  thatIsOptional: boolean;
  /** Forms of speech verbs that double as nouns ("note", "report"): verbs only after an auxiliary or "to". */
  speechVerbBases: ReadonlySet<string>;
  /** Speech verbs saying the speaker goes on ("added", "a ajouté"): the previous quote is theirs too. */
  continuationVerbs: ReadonlySet<string>;
  /** Participles that characterise with a quoted label ("qualifié de", "described as", "présentant comme"). */
  characterisationVerbs: ReadonlySet<string>;
  /** Words right before a quote that make it a name or a title, not speech ("titled", "intitulé", "slogan"). */
  namingCues: ReadonlySet<string>;
  /** Demonstratives that take a quotation up again as a term ("ces expressions", "this phrase"). */
  demonstratives: ReadonlySet<string>;
  /** Nouns for words said, which a demonstrative uses to take up a quotation (« Cette petite phrase de X », "Those remarks by X"). */
  remarkNouns: ReadonlySet<string>;
  /** Prepositions that give whose words a remark noun stands for (« de », "by"). */
  remarkLinks: ReadonlySet<string>;
  /**
   * Words of criminal procedure before the preposition that names an offence ("mis en examen pour « X »",
   * "charged with"): a short quotation there is the name of the offence, not anyone's words.
   */
  offenceCues: ReadonlySet<string>;
  /** Prepositions that introduce the name of an offence ("pour", "de", "for", "with", "of"). */
  offencePrepositions: ReadonlySet<string>;
  /**
   * Openings of cross-reference lines ("Lire aussi", "Read more"): links to other articles, whose quotations are
   * titles and whose names are authors, not people of the story.
   */
  crossReferences: readonly (readonly string[])[];
  /** Token sequences right before a quote that make it hypothetical ("as if to say"). */
  hypotheticalMarkers: readonly (readonly string[])[];
  /**
   * Marks of hearsay in a clause (the French "conditionnel journalistique" « aurait », "reportedly"): words quoted in
   * it are the reporting publication's.
   */
  hearsayMarkers: ReadonlySet<string>;
  /** Impersonal subject pronouns: never a person ("peut-on lire", "lit-on"). */
  impersonalPronouns: ReadonlySet<string>;
  /** Verbs of reading that, with an impersonal subject, name a publication as the source (« on lit dans »). */
  readingVerbs: ReadonlySet<string>;
  /** Prepositions before the publication read ("dans", "sur", "in"). */
  sourcePrepositions: ReadonlySet<string>;
  /** Nouns for publications and broadcasters (« le quotidien », "the paper"): a definite one is the outlet last cited. */
  outletNouns: ReadonlySet<string>;
  /** Verbs of publishing: their named subject becomes the source of what is read next ("Mediapart publie"). */
  publicationVerbs: ReadonlySet<string>;
  /** Source markers followed by the speaker ("selon", "according to", "d'après"). */
  accordingTo: readonly (readonly string[])[];
  /** Opening a sentence, a frame that gives whose opinion follows ("Pour le ministre, « … »"). */
  opinionFrames: readonly (readonly string[])[];
  /** Opening a sentence, a frame whose possessive gives whose opinion follows (« À ses yeux, … », "In her view, …"). */
  possessiveFrames: readonly (readonly [readonly string[], Gender])[];
  /** Contrastive asides between an inverted verb and its subject ("résume quant à elle X", "said, for his part, X"). */
  subjectAsides: readonly (readonly string[])[];
  /** Openings that set out the topic a sentence's subject pronoun takes up (« Quant à X, il … », "As for X, he …"). */
  topicFrames: readonly (readonly string[])[];
  /** The agent preposition of a passive ("par", "by"). */
  agentPrepositions: ReadonlySet<string>;
  /** Personal pronouns that can be the subject of a speech verb, with their gender or number. */
  pronouns: ReadonlyMap<string, Gender>;
  /** Matches a verb with an inverted subject pronoun ("a-t-elle", "dit-il"); group 1 is the pronoun. */
  invertedPronoun: RegExp | null;
  /** Relative pronouns used for people only ("who"): a name they follow is a person's. */
  personRelatives: ReadonlySet<string>;
  /** Relative pronouns that can be the subject of a speech verb ("qui", "who"). */
  relativeSubjects: ReadonlySet<string>;
  /** Auxiliaries, negations and clitics between a subject and its verb ("has", "a", "ne", "lui"). */
  verbGlue: ReadonlySet<string>;
  /** Words that are adverbs only between a subject and its verb ("The Times first reported"; "26 First Nations" is a name). */
  preverbAdverbs: ReadonlySet<string>;
  /** Adverbs recognised by their ending ("eventually", "publicly"), skipped between a subject and its verb. */
  adverbSuffix: RegExp | null;
  /** Past tenses and participles recognised by their ending ("believed"): a predicate after a noun phrase. */
  pastSuffix: RegExp | null;
  /** Finite verbs recognised by an ending no noun has (« allaient », « parlèrent »): a noun phrase ends before them. */
  finiteSuffix: RegExp | null;
  /** Third-person plural verbs by their ending, read as verbs right after a plural word (« les syndicats appellent »). */
  pluralVerbSuffix: RegExp | null;
  /** Words with the adverb ending that are nouns or adjectives ("family", "ally", "elderly"). */
  notAdverbs: ReadonlySet<string>;
  /** Participles that share the subject of their sentence ("insisting", "soulignant"). */
  participleSuffix: RegExp | null;
  /** Object pronouns written between a subject and its verb ("le présentant", "lui a dit"). */
  objectClitics: ReadonlySet<string>;
  /** Copulas that attach a predicate noun to the subject ("est", "is", "became"). */
  copulas: ReadonlySet<string>;
  /** Auxiliary verbs: never inside a noun phrase. */
  auxiliaries: ReadonlySet<string>;
  /** Passive auxiliaries: a speech verb right after one of them does not have its subject as speaker. */
  passiveAuxiliaries: ReadonlySet<string>;
  /** Adverbs and time words that may stand between a speech verb and its subject ("jeudi", "also"). */
  adverbs: ReadonlySet<string>;
  /** Determiners with the gender or number they mark (null when they mark none). */
  determiners: ReadonlyMap<string, Gender>;
  /** Prepositions linking a noun to its complement inside a noun phrase ("de", "of"). */
  nounLinks: ReadonlySet<string>;
  /** Prepositions and conjunctions that end a noun phrase. */
  phraseBreakers: ReadonlySet<string>;
  /** Conjunctions and relative pronouns that open a new clause ("que", "that", "and"). */
  conjunctions: ReadonlySet<string>;
  /** Courtesy and rank titles written before names, with the gender they mark ("mme" → f, "dr" → null). */
  titles: ReadonlyMap<string, Gender>;
  /** Job and role nouns that describe people, with the gender they mark when they mark one. */
  jobNouns: ReadonlyMap<string, Gender>;
  /** Offices of institutions (prosecutor, judge, prefect): a definite one brings in a new person, its holder. */
  officeNouns: ReadonlySet<string>;
  /** Abbreviated titles and the job they name ("gov" → "governor"), for a later description to take up. */
  titleJobs: ReadonlyMap<string, string>;
  /** Generic nouns for a person ("femme", "jeune", "man"): a description with one refers to the person just named. */
  personNouns: ReadonlySet<string>;
  /** Nouns for organisations (« le parti », "the group"): a definite one speaking takes up the organisation named before. */
  organisationNouns: ReadonlySet<string>;
  /** Nouns for the person a matter concerns (« l'intéressé »): a definite one takes up the last person named. */
  concernedNouns: ReadonlyMap<string, Gender>;
  /** Demonstrative pronouns heading a relative clause (« celui qui »): a description of a person named before. */
  demonstrativeHeads: ReadonlyMap<string, Gender>;
  /** Prepositions of place: a name they govern is a place, not a person ("à Nantes", "in Leeds"). */
  locativePrepositions: ReadonlySet<string>;
  /** Nouns for people and groups of people, to tell a human subject from a thing. */
  humanNouns: ReadonlySet<string>;
  /** Nouns for documents that can be the source of a quote ("rapport", "statement", "note"). */
  documentNouns: ReadonlySet<string>;
  /** Particles inside personal names ("van", "de", "al"). */
  nameParticles: ReadonlySet<string>;
  /** Common first names with their gender, the only gender cue of many wire stories. */
  firstNames: ReadonlyMap<string, Gender>;
  numbers: NumberRules;
}
