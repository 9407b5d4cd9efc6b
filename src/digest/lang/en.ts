/**
 * English conventions of news writing: attribution verbs, titles, job descriptions, number grammar.
 *
 * @example
 *   english.speechVerbs.has('said'); // true
 */
import { englishVerbForms, genderedPhrases, genderedWords, numberWords, phrases, wordSet } from './lexicon.ts';
import { FIRST_NAMES } from './first-names.ts';
import type { LanguageRules } from './rules.ts';

const SPEECH_VERBS = englishVerbForms(`
  say:said tell:told add state declare explain note argue insist warn admit:admitted:admitting acknowledge assert
  claim contend continue write:wrote:writing reply respond answer ask announce confirm deny recall observe
  remark comment suggest maintain emphasise emphasize stress urge vow promise predict caution concede
  complain lament joke quip:quipped:quipping shout cry testify tweet post conclude agree disclose reveal
  boast scoff retort counter allege accuse charge proclaim reiterate repeat recount reflect muse plead
  pledge threaten demand advise mention report whisper mutter exclaim concur acknowledge describe:described:describing
  write:written:writing tell:told:telling say:says:saying speak:spoke:speaking stipulate sigh laugh snap:snapped:snapping
`);

const CONTINUATION_VERBS = wordSet('added adding adds continued continuing continues concluded concluding went');

/** The rules of English news copy. */
export const english: LanguageRules = {
  code: 'en',
  abbreviations: wordSet(`mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr gov sen rep rev hon messrs mt ft
    no nos vol vols vs fig figs approx dept est al cf ca pp jan feb mar apr jun jul aug sep sept oct nov dec
    corp bros`),
  sentenceStarters: wordSet(`the a an he she it they we i you but and in on at for this that these those there
    his her its their our as after before while when if however meanwhile some many most no not so yet also
    since with by from to of what who which where why how officials police`),
  elision: null,
  stopwords: wordSet(`a an the and or but nor so yet for of in on at to from by with without about above below
    into onto over under between among against through during before after since until while as than then
    that this these those there here it its it's he him his she her hers they them their theirs we us our
    ours you your yours i me my mine who whom whose which what where when why how is are was were be been
    being am has have had having do does did doing will would shall should can could may might must not no
    nor only own same too very just also again further once more most other some such both each few all any
    if because although though whether either neither one ones s t don didn doesn isn wasn weren aren
    hasn haven hadn won wouldn couldn shouldn said says say told according like up down out off
    per cent percent`),
  speechVerbs: SPEECH_VERBS,
  addresseeVerbs: englishVerbForms('tell:told:telling assure inform warn remind'),
  particleSpeechVerbs: new Map([...englishVerbForms('point spell:spelled')].map((form) => [form, 'out'])),
  speechPeriphrases: new Map(),
  thatIsOptional: true,
  speechVerbBases: wordSet(`note report comment claim charge answer reply post tweet promise counter demand reflect
    muse pledge state remark quip joke boast cry shout whisper mutter mention caution repeat retort`),
  continuationVerbs: CONTINUATION_VERBS,
  characterisationVerbs: wordSet(`described describing calling called dubbed dubbing labelled labeled labelling
    labeling branded branding characterised characterized presenting presented portrayed portraying hailed
    hailing deemed`),
  namingCues: wordSet(`titled entitled called named dubbed nicknamed codenamed code-named known so-called slogan
    hashtag motto banner label brand title headline campaign operation programme program project book
    novel film movie documentary series show album song play exhibition conference workshop seminar
    festival magazine newspaper column word words term phrase expression category movement doctrine
    scheme policy act moniker nickname catchphrase tag group organisation organization association band team
    company firm website site app channel network podcast blog account hashtag adage saying proverb maxim
    mantra cliche cliché refrain`),
  demonstratives: wordSet('this that these those such'),
  remarkNouns: wordSet('words remarks remark comments comment statement statements quip claim claims warning admission'),
  remarkLinks: wordSet('of by from'),
  offenceCues: wordSet(`charged charges charge indicted indictment convicted conviction arrested arrest accused
    suspicion investigated investigation prosecuted prosecution sentenced jailed guilty counts count prosecutors
    prosecutor court judge`),
  offencePrepositions: wordSet('for with of on'),
  crossReferences: phrases('read_more read_also see_also related related_stories more_on'),
  hypotheticalMarkers: phrases('as_if_to_say as_though_to_say as_if as_though as_if_saying'),
  hearsayMarkers: wordSet('reportedly allegedly'),
  impersonalPronouns: wordSet('one'),
  readingVerbs: wordSet('read reads'),
  sourcePrepositions: wordSet('in on'),
  outletNouns: wordSet('newspaper paper daily weekly magazine outlet website broadcaster network publication tabloid'),
  publicationVerbs: englishVerbForms('publish'),
  accordingTo: phrases('according_to in_the_words_of quoting'),
  opinionFrames: [],
  possessiveFrames: genderedPhrases({ m: 'in_his_view in_his_opinion in_his_eyes to_his_mind', f: 'in_her_view in_her_opinion in_her_eyes to_her_mind', p: 'in_their_view in_their_opinion in_their_eyes' }),
  subjectAsides: phrases(`for_his_part for_her_part for_their_part for_its_part in_turn in_response for_example
    for_instance once_again in_particular`),
  topicFrames: phrases('as_for'),
  agentPrepositions: wordSet('by'),
  pronouns: genderedWords({ m: 'he', f: 'she', n: 'it', p: 'they' }),
  invertedPronoun: null,
  personRelatives: wordSet('who whom whose'),
  relativeSubjects: wordSet('who which'),
  verbGlue: wordSet(`has have had was were is are be been will would could should may might must did does do not
    never also later then previously again once earlier recently reportedly repeatedly publicly privately
    flatly firmly simply had't hasn't didn't n't always often already still just`),
  preverbAdverbs: wordSet('first initially originally'),
  adverbSuffix: /^[a-z]{3,}ly$/u,
  notAdverbs: wordSet(`family families ally rally supply assembly reply anomaly monopoly melancholy homily lily belly
    bully jelly fly july italy elderly friendly lonely silly ugly holy curly burly jolly woolly`),
  participleSuffix: /^[a-z]{2,}ing$/u,
  pastSuffix: /^[a-z]{3,}ed$/u,
  finiteSuffix: null,
  pluralVerbSuffix: null,
  objectClitics: wordSet(''),
  copulas: wordSet('is was became becomes remains remained'),
  auxiliaries: wordSet('has have had was were is are be been will would could should may might must did does do'),
  passiveAuxiliaries: wordSet('was were is are been be being'),
  adverbs: wordSet(`only also later then previously again once earlier recently reportedly repeatedly publicly privately
    bluntly simply quickly firmly flatly late early yesterday today tonight monday tuesday wednesday
    thursday friday saturday sunday on last week this morning afternoon evening night separately however
    additionally herself himself themselves`),
  determiners: genderedWords({
    null: 'the a an this that his her its their our your my one another any each every no',
    p: 'these those some several many both few',
  }),
  nounLinks: wordSet('of for'),
  phraseBreakers: wordSet(`in on at to from by with about into onto over under between among against through
    during before after since until while as than that which who whom whose and or but because if when
    where although though whether said says told added according is are was were has have had will would
    could should may might must do does did not also who's via despite amid amidst outside inside across
    without within toward towards behind beyond near`),
  conjunctions: wordSet(`and but or nor that which who whom whose because while although though if when where
    whether as since so yet than unless whereas`),
  titles: genderedWords({
    m: 'mr mr. sir lord father pope king prince sheikh archbishop bishop cardinal brother emperor monsieur',
    f: 'mrs mrs. ms ms. miss lady dame queen princess sister empress madame',
    null: `dr dr. prof prof. professor president president-elect vice-president vice prime minister pm secretary
      senator sen sen. rep rep. representative gov gov. governor mayor judge justice general gen gen. colonel
      col col. captain capt capt. lieutenant lt lt. sgt sergeant chief inspector detective rev rev. reverend
      rabbi imam ambassador chancellor commissioner chairman chairwoman premier deputy speaker councillor
      councilman councilwoman commander admiral marshal officer constable superintendent attorney
      secretary-general`,
  }),
  jobNouns: genderedWords({
    m: `spokesman chairman businessman congressman actor father son husband brother uncle king prince boy man
      policeman fireman sportsman statesman frontman anchorman councilman gentleman`,
    f: `spokeswoman chairwoman businesswoman congresswoman actress mother daughter wife sister aunt queen
      princess girl woman policewoman sportswoman stateswoman anchorwoman councilwoman lady`,
    null: `spokesperson minister secretary president chancellor governor mayor senator lawmaker legislator
      official officer editor correspondent reporter journalist analyst economist expert professor
      researcher scientist doctor physician lawyer attorney prosecutor judge director chief head leader
      founder executive ceo cfo coo cto manager adviser advisor aide ambassador diplomat envoy commander general colonel
      inspector detective negotiator candidate chair fellow lecturer teacher student author writer activist
      campaigner resident witness survivor coach player captain pilot engineer owner operator worker nurse
      surgeon commissioner regulator secretary-general vice-president deputy representative delegate member
      mp premier chairperson president-elect strategist consultant historian spokesperson pastor priest
      bishop rabbi imam farmer trader banker investor producer director-general administrator
      superintendent sheriff marshal prosecutor solicitor barrister partner colleague friend relative
      neighbour neighbor father-in-law teenager youngster shopkeeper retiree pensioner customer patient refugee
      driver landlord tenant nurse inventor creator designer entrepreneur skipper fisherman chef
      songwriter poet filmmaker host presenter commentator blogger influencer athlete veteran soldier
      firefighter paramedic mechanic waiter cashier passenger motorist pedestrian victim
      suspect defendant plaintiff spectator shopper grandmother grandfather striker defender midfielder
      goalkeeper quarterback winger footballer cricketer swimmer skier sprinter`,
  }),
  officeNouns: wordSet(`prosecutor prosecutors judge sheriff coroner spokesman spokeswoman spokesperson police officer
    detective inspector lawyer attorney mayor governor ambassador commissioner`),
  personNouns: wordSet('man woman girl boy lady gentleman teenager youngster student mother father'),
  titleJobs: new Map([
    ...['gov', 'gov.'].map((t) => [t, 'governor'] as const),
    ...['sen', 'sen.'].map((t) => [t, 'senator'] as const),
    ...['rep', 'rep.'].map((t) => [t, 'representative'] as const),
    ...['gen', 'gen.'].map((t) => [t, 'general'] as const),
    ...['col', 'col.'].map((t) => [t, 'colonel'] as const),
    ...['capt', 'capt.'].map((t) => [t, 'captain'] as const),
    ...['dr', 'dr.'].map((t) => [t, 'doctor'] as const),
    ...['prof', 'prof.'].map((t) => [t, 'professor'] as const),
    ['pm', 'minister'],
  ]),
  organisationNouns: wordSet('group party organization organisation foundation association union coalition alliance nonprofit charity company firm airline carrier bank retailer agency club'),
  concernedNouns: genderedWords({}),
  demonstrativeHeads: genderedWords({}),
  locativePrepositions: wordSet('in at from into near across'),
  humanNouns: wordSet(`people person persons official officials officer officers source sources expert experts
    analyst analysts resident residents witness witnesses friend friends aide aides critic critics
    supporter supporters leader leaders member members lawmakers authorities government ministry office
    agency company police army union party court commission council committee group organisation
    organization administration department spokesman spokeswoman spokesperson campaigners activists
    protesters investigators researchers scientists doctors teachers parents families relatives
    neighbours neighbors voters citizens diplomats observers insiders executives staff employees workers
    unions opponents allies rebels militants prosecutors lawyers judges regulators economists academics
    authors campaigners unit`),
  documentNouns: wordSet(`report statement letter note memo memorandum briefing email e-mail message document
    study paper filing ruling judgment verdict communique communiqué release transcript post tweet bill
    law text article editorial survey poll decree order resolution declaration manifesto proposal draft
    guidance guidelines minutes annotation summary file files papers records cable leaflet notice
    petition complaint lawsuit indictment affidavit testimony analysis review audit assessment
    submission directive account interview comment
    reaction`),
  nameParticles: wordSet('van von der den de du da di del della dos das bin ibn al el ter ten la le of y'),
  firstNames: FIRST_NAMES,
  numbers: {
    decimal: '.',
    dotGroupsThousands: false,
    words: numberWords(`zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11
      twelve:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 nineteen:19
      twenty:20 thirty:30 forty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90 hundred:100
      thousand:1000`),
    scales: numberWords('thousand:1000 million:1000000 millions:1000000 billion:1000000000 billions:1000000000 bn:1000000000 trillion:1000000000000 tn:1000000000000'),
    collectives: numberWords('dozen:12 dozens:12 hundreds:100 thousands:1000 millions:1000000 billions:1000000000 tens:10 scores:20'),
    fractions: numberWords('half:0.5 third:0.3333 thirds:0.3333 quarter:0.25 quarters:0.25'),
    hedges: phrases(`about around nearly almost roughly approximately some more_than over less_than fewer_than under
      at_least at_most up_to as_many_as as_much_as close_to upwards_of just_over just_under an_estimated
      estimated precisely exactly only just passed topped exceeded surpassed well_over more_than_double
      no_fewer_than no_more_than`),
    exactHedges: wordSet('precisely exactly only just'),
    months: wordSet('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'),
    dayAfterMonth: true,
    timeUnits: wordSet('year years month months week weeks day days hour hours minute minutes decade decades century centuries'),
    agoAfter: wordSet('ago'),
    agoBefore: phrases(''),
    rangeJoiners: wordSet('to - – — or'),
    rangeOpeners: wordSet('between from'),
    changeVerbs: wordSet(`rose risen fell fallen climbed jumped dropped increased decreased grew grown declined
      surged soared plunged slipped went moved raise raised lower lowered cut increase reduce reduced`),
    of: wordSet('of'),
    outOf: phrases('out_of in'),
    labelNouns: wordSet(`article section chapter page pages number no no. vol volume line route room level phase
      version category class flight stage act season episode issue item clause paragraph rule code annex
      figure table bus platform gate terminal district ward precinct lane channel track tier step round
      game match highway interstate apollo formula windows covid`),
    percentWords: phrases('per_cent percent pct percentage_points percentage_point'),
    currencyWords: wordSet('dollars dollar euros euro pounds pound sterling yen yuan renminbi rupees rupee francs franc roubles rubles rand naira shillings pesos dinars riyals dirhams'),
    perWords: wordSet('per a an each /'),
    postModifiers: wordSet('other more further extra additional earlier previous separate different new former'),
    positionalAdjectives: wordSet('top bottom first second upper lower latter former back front'),
    amountLinks: wordSet('in'),
  },
};
