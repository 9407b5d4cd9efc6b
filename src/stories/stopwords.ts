/**
 * Function words of the languages Précis meets in feeds (English, French, German, Spanish,
 * Portuguese, Italian), folded like story tokens (lower case, no accents). They say nothing
 * about which event an article tells, so story matching ignores them.
 *
 * @example
 *   STORY_STOPWORDS.has('les'); // true
 *   STORY_STOPWORDS.has('ukraine'); // false
 */
export const STORY_STOPWORDS: ReadonlySet<string> = new Set(
  `
  a about above after again against all also although am among an and another any are around as at away back be
  because been before being below between both but by can could did do does doing done down during each either even
  ever every few for from further get gets got had has have having he her here hers herself him himself his how however
  i if in into is it its itself just last least less like made make many may me might more most much must my myself
  near neither new next no nor not now of off on once one only onto or other our ours out over own per rather really
  same she should since so some still such than that the their theirs them themselves then there these they this those
  though through to too toward towards under until up upon us very via was we well were what whatever when where
  whether which while who whom whose why will with within without would yet you your yours yourself
  said says say saying told tells according also added asked just week weeks day days today yesterday tomorrow
  monday tuesday wednesday thursday friday saturday sunday time times year years month months first second
  continue continued reading read full article more photo photos video videos image images getty reuters afp ap
  mr mrs ms dr percent cent people thing things way ways part lot

  au aucun aucune aujourd aupres auquel aussi autre autres aux avaient avais avait avant avec avoir ayant beaucoup
  bien c ca car ce ceci cela celle celles celui cependant certains ces cet cette ceux chacun chaque chez ci comme
  comment contre d dans de depuis des deja deux devant donc dont du elle elles en encore entre est et etaient etait
  ete etre eu eux fait faire fois font hors il ils j je jusqu jusque l la le les leur leurs lors lorsque lui m ma mais
  me meme memes mes moi moins mon n ne ni nos notre nous on ont ou par parce parmi pas pendant peu peut peuvent plus
  plusieurs pour pourquoi puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sien soi
  son sont sous souvent sur t ta tandis tant te tel telle tes toi ton tous tout toute toutes tres trop tu un une
  vers voici voila vos votre vous y a-t-il dit declare explique affirme selon annee annees jour jours mois semaine
  lundi mardi mercredi jeudi vendredi samedi dimanche hier demain lire aussi voir

  aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bist da damit dann das dass dem
  den denen der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem
  einen einer eines er es etwa euch euer fur gegen gibt hat hatte hatten hier hin ich ihm ihn ihr ihre ihrem ihren
  ihrer im in ins ist ja jetzt kann kein keine mit muss nach nicht noch nun nur ob oder ohne schon sehr sein seine
  seinem seinen seiner sich sie sind so soll sollen sondern um und uns unter viel vom von vor war waren was weil
  wenn werden wie wieder will wir wird wo wurde wurden zu zum zur zwischen mehr neue neuen neuer

  al algo como con cual cuando del desde donde el ella ellas ellos entre era es esa ese eso esta estan este esto
  fue ha han hasta hay la las lo los mas muy no nos o para pero por porque que se ser si sin sobre su sus tambien
  tiene un una uno unos y ya ao aos com da das do dos e em essa esse esta foi mais na nas nao no nos num numa os ou
  pela pelo por quando sao seu sua tem um uma voce che chi con cui da dei del della delle dello gli ha il io le lo
  nei nel nella non per piu quale questo sono tra una uno
  `
    .split(/\s+/)
    .filter(Boolean),
);
