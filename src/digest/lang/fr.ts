/**
 * French conventions of news writing: verbes introducteurs, incises, titres et fonctions, grammaire des nombres.
 *
 * @example
 *   french.speechVerbs.has('déclaré'); // true
 */
import { frenchVerbForms, genderedPhrases, genderedWords, numberWords, phrases, wordSet } from './lexicon.ts';
import { FIRST_NAMES } from './first-names.ts';
import type { LanguageRules } from './rules.ts';

const SPEECH_VERBS = frenchVerbForms(`
  déclarer affirmer ajouter expliquer préciser souligner indiquer estimer assurer raconter confier lancer
  lâcher insister annoncer proclamer observer noter relever commenter détailler témoigner juger répliquer
  exclamer regretter déplorer dénoncer plaider tweeter résumer trancher ironiser confirmer accuser alerter
  avancer signaler mentionner nuancer interroger demander réclamer exiger menacer jurer glisser souffler
  murmurer crier hurler plaisanter protester objecter rétorquer riposter avouer dévoiler confesser évoquer
  développer enchaîner continuer clamer analyser argumenter arguer féliciter indigner inquiéter
  marteler répéter considérer concéder révéler énoncer stipuler agacer alarmer étonner insurger offusquer désoler
  lamenter exhorter souhaiter saluer fustiger critiquer tonner pester conseiller recommander pointer
  rapporter relater tancer remémorer
  tançant|tança
  renchérir|renchérit|renchéri|renchérissent|renchérissait|renchérissant
  suggère|suggèrent|suggéré|suggérée|suggérait|suggérant|suggérer
  plaindre|plaint|plaignent|plaignait|plaignant|plaindre
  espérer|espère|espèrent|espéré|espérait|espérant
  craindre|craint|craignent|craignait|craignant
  asséner|assène|asséné
  rappelle|rappellent|rappelé|rappelée|rappeler|rappelait|rappelaient|rappelant|rappela
  martèle|martèlent|répète|répètent|considère|considèrent|concède|révèle|révèlent|inquiète
  dire|dit|dits|dite|disent|disait|disaient|disant
  écrire|écrit|écrite|écrivent|écrivait|écrivant
  répondre|répond|répondent|répondu|répondait|répondant
  poursuivre|poursuit|poursuivent|poursuivi|poursuivait|poursuivant
  conclure|conclut|concluent|conclu|concluait|concluant
  soutenir|soutient|soutiennent|soutenu|soutenait|soutenant
  maintenir|maintient|maintenu|maintenait
  reconnaître|reconnaît|reconnait|reconnaissent|reconnu|reconnue|reconnaissait|reconnaissant
  admettre|admet|admettent|admis|admise|admettait|admettant
  promettre|promet|promis|promettait|promettant
  prévenir|prévient|préviennent|prévenu|prévenait|prévenant
  avertir|avertit|averti|avertissait|avertissant
  démentir|dément|démenti|démentait
  prédire|prédit|prédisait
  réjouir|réjouit|réjoui|réjouie
  souvenir|souvient|souvenu|souvenue|souvenait
  réagir|réagit|réagi|réagissant
  prévoir|prévoit|prévoient|prévoyait|prévoyant
  s'exclame|exclame|exclamé
`);

/** The rules of French news copy. */
export const french: LanguageRules = {
  code: 'fr',
  abbreviations: wordSet(`m mm mme mmes mlle mlles me mgr dr pr st ste av bd boul env etc cf p pp chap vol n no
    nos tél tel fig art hab janv févr fevr avr juil sept oct nov déc dec gén col lt cdt mt`),
  sentenceStarters: wordSet(`le la les l un une des il elle ils elles on nous je mais et en dans sur pour par avec
    ce cette ces cet son sa ses leur leurs selon après avant alors lors pendant depuis si quand lorsque
    cependant toutefois pourtant ainsi donc or puis enfin aussi au aux du à de c d qu`),
  elision: /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[\p{L}\p{N}])/iu,
  stopwords: wordSet(`le la les l' l’ un une des de du d' d’ au aux à a et ou mais donc or ni car que qu' qu’ qui
    quoi dont où ce cet cette ces c' c’ ça cela ceci celui celle ceux celles il elle ils elles on je j' j’ tu
    nous vous me m' m’ te t' t’ se s' s’ lui leur leurs eux y en son sa ses mon ma mes ton ta tes notre nos
    votre vos ne n' n’ pas plus moins très trop peu bien tout tous toute toutes aussi encore déjà même
    est sont était étaient été être a ont avait avaient avoir eu fait faire sera seront serait peut
    pour par sur sous dans avec sans chez vers contre entre depuis pendant lors après avant selon comme
    si quand lorsque puisque parce alors ainsi cependant toutefois pourtant également notamment aussi
    autre autres tel telle tels telles chaque plusieurs certains certaines quelques dit selon
    ans an année mois jour jours fois`),
  speechVerbs: SPEECH_VERBS,
  addresseeVerbs: wordSet(''),
  particleSpeechVerbs: new Map(),
  speechPeriphrases: new Map(
    ['valoir', 'observer', 'savoir', 'remarquer'].map((verb) => [verb, wordSet('faire fait font faisait faisaient faisant fera feront ferait fit')]),
  ),
  thatIsOptional: false,
  speechVerbBases: wordSet(),
  continuationVerbs: wordSet(`ajoute ajoutent ajouté ajoutée ajoutant ajouta poursuit poursuivent poursuivi
    poursuivant enchaîne enchaîné enchaînant renchérit renchéri conclut conclu concluant complète complété
    complétant continue continué continuant développe développé développant détaille détaillé détaillant`),
  characterisationVerbs: frenchVerbForms(`qualifier présenter traiter taxer juger surnommer
    décrit|décrite|décrits|décrites|décrivant|décrivent|décrira|décriront|décrire
    dépeint|dépeinte|dépeignant|dépeindre
    considéré|considérée|considérés|considérées|considérant|considère|considèrent|considérera|considéreront`),
  namingCues: wordSet(`intitulé intitulée intitulés intitulées baptisé baptisée baptisés baptisées surnommé
    surnommée surnommés appelé appelée appelés appelées nommé nommée dénommé dénommée dite dit slogan
    mot-dièse hashtag devise titre rubrique campagne opération programme projet plan rapport livre ouvrage
    roman film documentaire série émission album chanson pièce exposition conférence atelier colloque
    festival magazine journal chronique mot terme expression formule catégorie mouvement collectif
    association label marque surnom sobriquet thème concept doctrine stratégie dispositif mention
    slogans nom étude enquête tribune article podcast vidéo page site compte application appli groupe parti
    entreprise société réseau chaîne poncif cliché adage dicton proverbe maxime leitmotiv credo mantra refrain`),
  demonstratives: wordSet('ce cet cette ces'),
  remarkNouns: wordSet(`phrase phrases propos déclaration déclarations mots paroles sortie remarque remarques formule
    confidence confidences aveu critique critiques charge attaque message messages réponse réplique`),
  remarkLinks: wordSet("de d' d’ du"),
  offenceCues: wordSet(`examen plainte plaintes condamné condamnée condamnés condamnées poursuivi poursuivie
    poursuivis poursuivies inculpé inculpée inculpés inculpées enquête enquêtes judiciaire information
    interpellé interpellée arrêté arrêtée vue jugé jugée jugés renvoyé renvoyée chef chefs soupçons
    soupçonné soupçonnée accusation accusations procès parquet tribunal juge juges procureur procureure cour`),
  offencePrepositions: wordSet("pour de d' d’ du des"),
  crossReferences: phrases('lire_aussi à_lire_aussi a_lire_aussi voir_aussi à_voir_aussi lire_également à_lire lire'),
  hypotheticalMarkers: phrases('comme_pour_dire comme_si comme_pour_signifier'),
  hearsayMarkers: wordSet('aurait auraient serait seraient'),
  impersonalPronouns: wordSet('on'),
  readingVerbs: wordSet('lire lit lu lisait apprendre apprend appris apprenait'),
  sourcePrepositions: wordSet('dans sur chez'),
  outletNouns: wordSet('quotidien journal hebdomadaire mensuel magazine site média revue chaîne radio publication'),
  publicationVerbs: frenchVerbForms('publier'),
  accordingTo: phrases("selon d'_après d’_après aux_yeux_de"),
  opinionFrames: phrases('pour aux_yeux_de'),
  possessiveFrames: genderedPhrases({ null: 'à_ses_yeux à_son_avis', p: 'à_leurs_yeux à_leur_avis' }),
  subjectAsides: phrases(`quant_à_elle quant_à_lui quant_à_eux quant_à_elles pour_sa_part pour_leur_part de_son_côté
    de_leur_côté à_son_tour à_leur_tour lui_aussi elle_aussi eux_aussi elles_aussi pour_finir enfin par_exemple
    en_effet à_nouveau de_nouveau une_nouvelle_fois encore_une_fois`),
  topicFrames: phrases('quant_à quant_au quant_aux'),
  agentPrepositions: wordSet('par'),
  pronouns: genderedWords({ m: 'il lui', f: 'elle', p: 'ils elles eux' }),
  invertedPronoun: /-(?:t-)?(il|elle|ils|elles|on)$/u,
  personRelatives: wordSet(''),
  relativeSubjects: wordSet('qui'),
  verbGlue: wordSet(`a ont avait avaient aura aurait auraient est sont était étaient été s' s’ se lui leur l' l’ ne
    n' n’ pas plus jamais y en me m' m’ nous vous a-t-il a-t-elle aussi également encore déjà toujours
    ensuite alors bien clairement notamment finalement`),
  preverbAdverbs: wordSet(''),
  adverbSuffix: null,
  notAdverbs: wordSet(),
  participleSuffix: /^\p{L}{3,}ant$/u,
  pastSuffix: null,
  pluralVerbSuffix: /^\p{Ll}{2,}ent$/u,
  finiteSuffix: /^\p{Ll}{2,}(?:aient|èrent|eraient|erait|eront|iraient|irait|issent|issait|issaient)$/u,
  objectClitics: wordSet("le la les l' lui leur en y me m' te t' se s' nous vous"),
  copulas: wordSet('est était fut devient devenu reste demeure'),
  auxiliaries: wordSet('a ont avait avaient aura auraient aurait est sont était étaient été sera seront serait'),
  passiveAuxiliaries: wordSet('été'),
  adverbs: wordSet(`également aussi encore déjà toutefois cependant pourtant ensuite alors récemment clairement
    notamment lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui aujourd’hui matin soir
    midi après-midi dernier dernière ce cette fermement formellement publiquement ainsi volontiers
    d'ailleurs d’ailleurs lui-même elle-même eux-mêmes sobrement simplement`),
  determiners: genderedWords({
    m: 'le un du au ce cet son mon ton notre votre',
    f: 'la une cette sa ma ta',
    p: "les des aux ces ses mes tes nos vos leurs plusieurs quelques certains certaines d' d’",
    null: "l' l’ leur chaque aucun aucune",
  }),
  nounLinks: wordSet("de d' d’ du des"),
  phraseBreakers: wordSet(`à au aux en dans sur sous pour par avec sans chez vers contre entre depuis pendant lors
    après avant et ou mais que qu' qu’ qui dont où car comme si lorsque quand puisque parce a ont est sont
    était avait selon lors devant derrière auprès malgré parmi via dès envers durant`),
  conjunctions: wordSet(`et mais ou que qu' qu’ qui dont où car si quand lorsque lorsqu' lorsqu’ puisque puisqu'
    puisqu’ parce tandis comme bien alors`),
  titles: genderedWords({
    m: 'm m. monsieur mgr sir lord père roi prince cheikh cardinal',
    f: 'mme mme. mlle mlle. madame mademoiselle lady reine princesse sœur soeur',
    null: `dr dr. pr pr. me me. maître président présidente ministre général professeur docteur sénateur
      maire juge colonel capitaine commandant amiral imam rabbin`,
  }),
  jobNouns: genderedWords({
    m: `président directeur dirigeant patron député sénateur conseiller ambassadeur procureur avocat professeur
      chercheur auteur écrivain expert infirmier préfet fondateur militant élu candidat habitant ami ténor
      historien chancelier roi prince père fils mari homme gouverneur policier gendarme agriculteur
      enquêteur observateur représentant délégué animateur présentateur entraîneur joueur sélectionneur
      employé salarié ouvrier ingénieur opposant partisan adjoint collaborateur vice-président étudiant lycéen
      adolescent garçon commerçant retraité riverain voisin patient client vendeur boulanger éleveur chômeur
      sinistré réfugié manifestant entrepreneur artisan chauffeur cuisinier serveur soignant gérant pompier
      propriétaire locataire inventeur créateur chanteur comédien acteur pêcheur sportif champion
      coureur navigateur soldat eurodéputé magistrat grand-père attaquant défenseur gardien buteur ailier
      footballeur rugbyman handballeur basketteur nageur skieur boxeur tennisman`,
    f: `présidente directrice dirigeante patronne députée sénatrice conseillère ambassadrice procureure avocate
      professeure chercheuse chercheure auteure autrice écrivaine experte infirmière préfète fondatrice
      militante élue candidate habitante amie historienne chancelière reine princesse mère fille épouse
      femme gouverneure policière agricultrice enquêtrice observatrice représentante déléguée animatrice
      présentatrice entraîneuse joueuse employée salariée ouvrière ingénieure opposante partisane
      adjointe collaboratrice vice-présidente étudiante lycéenne adolescente dame commerçante retraitée riveraine
      voisine patiente cliente vendeuse boulangère éleveuse chômeuse sinistrée réfugiée manifestante
      entrepreneuse artisane cuisinière serveuse soignante gérante inventrice créatrice chanteuse comédienne
      actrice pêcheuse sportive championne coureuse navigatrice eurodéputée magistrate grand-mère attaquante
      défenseuse gardienne buteuse cheffe footballeuse handballeuse basketteuse nageuse skieuse boxeuse`,
    null: `ministre secrétaire porte-parole responsable chef maire juge diplomate journaliste analyste économiste
      médecin docteur général colonel commandant capitaine haut-commissaire commissaire témoin proche cadre
      spécialiste politologue sociologue substitut syndicaliste élu membre leader dirigeants responsables
      secrétaire-général chef d'état-major astronaute pilote victime élève architecte psychologue
      avocat-conseil notaire photographe biologiste épidémiologiste virologue infectiologue trentenaire
      quadragénaire quinquagénaire sexagénaire septuagénaire octogénaire nonagénaire centenaire`,
  }),
  officeNouns: wordSet(`procureur procureure juge préfet préfète porte-parole gendarme policier policière enquêteur
    enquêtrice avocat avocate maire ambassadeur ambassadrice commissaire`),
  personNouns: wordSet('femme homme fille garçon jeune dame monsieur adolescent adolescente étudiant étudiante lycéen lycéenne mère père'),
  titleJobs: new Map([
    ...['dr', 'dr.'].map((t) => [t, 'docteur'] as const),
    ...['pr', 'pr.'].map((t) => [t, 'professeur'] as const),
    ...['me', 'me.', 'maître'].map((t) => [t, 'avocat'] as const),
  ]),
  organisationNouns: wordSet(`parti association groupe établissement syndicat organisation ong fondation fédération
    collectif institution mouvement formation entreprise société compagnie banque enseigne club`),
  concernedNouns: genderedWords({ m: 'intéressé', f: 'intéressée' }),
  demonstrativeHeads: genderedWords({ m: 'celui', f: 'celle' }),
  locativePrepositions: wordSet('à au aux en dans vers depuis'),
  humanNouns: wordSet(`gens personne personnes responsable responsables source sources expert experts habitant
    habitants témoin témoins ami amis amie amies proche proches partisan partisans critique critiques
    dirigeant dirigeants élu élus membre membres militant militants manifestant manifestants autorités
    officiels spécialistes chercheurs auteurs médecins observateurs analystes diplomates enquêteurs
    policiers soldats victimes familles parents syndicat syndicats gouvernement ministère office agence
    entreprise société police armée parti tribunal commission conseil comité groupe organisation
    administration opposition opposants ténor chiraquien proches associations collectif représentants
    porte-parole ministre élus cabinet entourage direction service services préfecture mairie municipalité
    gendarmerie rectorat parquet présidence`),
  documentNouns: wordSet(`rapport communiqué lettre note courrier courriel message document étude texte projet
    loi décret arrêté jugement décision avis tweet publication déclaration résolution circulaire
    compte-rendu procès-verbal plainte tribune éditorial enquête sondage manifeste bilan dossier
    ordonnance arrêt synthèse audit analyse récit témoignage entretien interview
    commentaire réaction`),
  nameParticles: wordSet("de du des d' d’ van von der den da di del della dos das bin ibn al el ter ten la le"),
  firstNames: FIRST_NAMES,
  numbers: {
    decimal: ',',
    dotGroupsThousands: true,
    words: numberWords(`zéro:0 un:1 une:1 deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10 onze:11
      douze:12 treize:13 quatorze:14 quinze:15 seize:16 vingt:20 vingts:20 trente:30 quarante:40
      cinquante:50 soixante:60 cent:100 cents:100 mille:1000`),
    scales: numberWords('mille:1000 million:1000000 millions:1000000 milliard:1000000000 milliards:1000000000 billion:1000000000000 billions:1000000000000 md:1000000000 mds:1000000000 mrd:1000000000 mrds:1000000000'),
    collectives: numberWords(`dizaine:10 dizaines:10 douzaine:12 douzaines:12 quinzaine:15 quinzaines:15 vingtaine:20
      vingtaines:20 trentaine:30 quarantaine:40 cinquantaine:50 soixantaine:60 centaine:100 centaines:100
      millier:1000 milliers:1000 millions:1000000 milliards:1000000000`),
    fractions: numberWords('moitié:0.5 tiers:0.3333 quart:0.25 quarts:0.25'),
    hedges: phrases(`environ près_de près_d' près_d’ presque quasiment à_peu_près autour_de approximativement
      quelque plus_de plus_d' plus_d’ moins_de moins_d' moins_d’ au_moins pas_moins_de pas_moins_d'
      pas_moins_d’ au_plus jusqu'_à jusqu’_à un_peu_plus_de un_peu_moins_de pas_plus_de bien_plus_de
      précisément exactement seulement plus_d'un plus_d’un largement_plus_de d'environ d’environ quelques
      près pratiquement`),
    exactHedges: wordSet('précisément exactement seulement'),
    months: wordSet('janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre janv févr avr juil sept oct nov déc'),
    dayAfterMonth: false,
    timeUnits: wordSet('an ans année années mois semaine semaines jour jours heure heures minute minutes décennie décennies siècle siècles'),
    agoAfter: wordSet('auparavant'),
    agoBefore: phrases('il_y_a voici voilà'),
    rangeJoiners: wordSet('à - – — ou et'),
    rangeOpeners: wordSet('entre de'),
    changeVerbs: wordSet(`passé passe passant passer passent augmenté augmente baissé baisse grimpé grimpe chuté chute
      progressé progresse reculé recule bondi bondit évolué évolue tombé tombe monté monte diminué diminue
      relevé abaissé porté ramené reculer relever abaisser porter ramener augmenter baisser réduire réduit
      diminuer passer hausser haussé`),
    of: wordSet("de d' d’ des"),
    outOf: phrases('sur'),
    labelNouns: wordSet(`article articles alinéa chapitre page pages numéro n° no vol ligne route rue salle niveau
      phase version catégorie classe zone secteur lot section point étape acte tome saison épisode code
      annexe figure tableau bus train autoroute départementale porte terminal quai vol groupe ligue
      covid`),
    percentWords: phrases('pour_cent pour_cents pourcent pour-cent points_de_pourcentage point_de_pourcentage'),
    currencyWords: wordSet('dollars dollar euros euro livres francs franc yens yen yuans yuan roubles rouble dinars pesos roupies'),
    perWords: wordSet('par /'),
    postModifiers: wordSet('autres nouveaux nouvelles derniers dernières premiers premières'),
    positionalAdjectives: wordSet('première premier seconde second dernière dernier'),
    amountLinks: wordSet(''),
  },
};
