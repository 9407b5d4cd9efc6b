import { explainItem, type ItemExplanation } from '../delivery/explain-item.ts';
import type { FilterRule } from '../delivery/filters/item-filter.ts';
import type { ChatRecord } from '../store/records.ts';
import { reply, type CommandDefinition, type InterfaceLanguage } from './command.ts';

function when(time: number, chat: ChatRecord, lang: InterfaceLanguage): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    timeZone: chat.settings.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(time);
}

function ruleText(rule: FilterRule, lang: InterfaceLanguage): string {
  switch (rule.kind) {
    case 'exclude':
      return lang === 'fr' ? `il contient le mot exclu « ${rule.term} » (/filter exclude)` : `it contains the excluded word “${rule.term}” (/filter exclude)`;
    case 'include':
      return lang === 'fr'
        ? `il ne contient aucun des mots requis : ${rule.terms.join(', ')} (/filter include)`
        : `it contains none of the required words: ${rule.terms.join(', ')} (/filter include)`;
    case 'language':
      return lang === 'fr'
        ? `il est en « ${rule.lang} », hors des langues choisies (${rule.allowed.join(', ')}) (/filter language)`
        : `it is in “${rule.lang}”, not one of the chosen languages (${rule.allowed.join(', ')}) (/filter language)`;
  }
}

/** The explanation in the user's words. */
export function explanationText(explanation: ItemExplanation, chat: ChatRecord, lang: InterfaceLanguage): string {
  const fr = lang === 'fr';
  switch (explanation.status) {
    case 'invalid_url':
      return fr ? `« ${explanation.url} » n’est pas un lien http(s). Exemple : /why https://exemple.fr/article` : `“${explanation.url}” is not an http(s) link. Example: /why https://example.org/article`;
    case 'not_fetched': {
      const one = explanation.feeds === 1;
      return fr
        ? `Pas encore récupéré : ${one ? 'le flux de ce chat n’a' : `aucun des ${explanation.feeds} flux de ce chat n’a`} publié ce lien depuis que Précis ${one ? 'le' : 'les'} lit.`
        : `Not fetched yet: ${one ? 'this chat’s feed has not' : `none of this chat’s ${explanation.feeds} feeds has`} carried this link since Précis started reading ${one ? 'it' : 'them'}.`;
    }
    case 'other_feed':
      return fr
        ? `« ${explanation.article.title} » vient de ${explanation.feeds.join(', ')}, que ce chat ne suit pas (/subscribe pour l’ajouter).`
        : `“${explanation.article.title}” comes from ${explanation.feeds.join(', ')}, which this chat does not follow (/subscribe to add it).`;
    case 'back_catalogue':
      return fr
        ? `« ${explanation.article.title} » était déjà dans ${explanation.feed} lors de sa première lecture : c’est l’archive du flux, jamais comptée comme nouvelle.`
        : `“${explanation.article.title}” was already in ${explanation.feed} when Précis first read it: back catalogue, never counted as news.`;
    case 'filtered':
      return fr ? `« ${explanation.article.title} » est filtré : ${ruleText(explanation.rule, lang)}.` : `“${explanation.article.title}” is filtered out: ${ruleText(explanation.rule, lang)}.`;
    case 'delivered': {
      const { article, delivery, story } = explanation;
      const state = delivery.status === 'sent' ? '' : fr ? ` (envoi : ${delivery.status === 'pending' ? 'en cours' : 'échoué'})` : ` (sending ${delivery.status === 'pending' ? 'in progress' : 'failed'})`;
      const inStory =
        story && story.id !== article.id
          ? fr
            ? ` fusionné dans le sujet « ${story.headline} »`
            : ` merged into the story “${story.headline}”`
          : '';
      const others = story?.mergedWith.length
        ? fr
          ? ` (avec ${story.mergedWith.map((other) => `${other.title} — ${other.feed}`).join(' ; ')})`
          : ` (with ${story.mergedWith.map((other) => `${other.title} — ${other.feed}`).join('; ')})`
        : '';
      return fr
        ? `« ${article.title} » a été envoyé${inStory}${others} dans le digest du ${when(delivery.createdAt, chat, lang)}${state}.`
        : `“${article.title}” was sent${inStory}${others} in the digest of ${when(delivery.createdAt, chat, lang)}${state}.`;
    }
    case 'pending': {
      const next = explanation.nextDigestAt === null ? '' : fr ? `, prévu ${when(explanation.nextDigestAt, chat, lang)}` : `, due ${when(explanation.nextDigestAt, chat, lang)}`;
      return fr
        ? `« ${explanation.article.title} » est arrivé après le dernier digest : il sera pris en compte dans le prochain${next}.`
        : `“${explanation.article.title}” arrived after the last digest: it will be considered for the next one${next}.`;
    }
    case 'not_delivered':
      return fr
        ? `« ${explanation.article.title} » était dans le digest du ${when(explanation.delivery.createdAt, chat, lang)}, qui n’a pas pu être envoyé (${explanation.delivery.lastError ?? 'erreur'}) ; il repassera dans le prochain.`
        : `“${explanation.article.title}” was in the digest of ${when(explanation.delivery.createdAt, chat, lang)}, which could not be sent (${explanation.delivery.lastError ?? 'error'}); it goes into the next one.`;
    case 'not_selected':
      if (explanation.tooOld) {
        return fr
          ? `« ${explanation.article.title} » est plus ancien que la période couverte par le premier digest de ce chat.`
          : `“${explanation.article.title}” is older than the period this chat’s first digest covered.`;
      }
      return fr
        ? `« ${explanation.article.title} » n’a pas été retenu${explanation.delivery ? ` dans le digest du ${when(explanation.delivery.createdAt, chat, lang)}` : ''} : d’autres sujets étaient mieux classés (${chat.settings.stories} sujets par digest).`
        : `“${explanation.article.title}” was not selected${explanation.delivery ? ` for the digest of ${when(explanation.delivery.createdAt, chat, lang)}` : ''}: other stories ranked higher (${chat.settings.stories} stories per digest).`;
  }
}

/** `/why <item URL>`: what happened to an item for this chat, and why. */
export const whyCommand: CommandDefinition = {
  name: 'why',
  argument: { name: 'url', description: { en: 'link of an item', fr: 'lien d’un article' }, required: true },
  description: { en: 'Why an item was (or was not) in a digest', fr: 'Pourquoi un article était (ou non) dans un digest' },
  manages: false,
  async run(context) {
    const { service, chat, args, lang } = context;
    if (!args) {
      return reply(context, {
        en: 'Usage: /why <link of an item>\nExample: /why https://example.org/2024/11/06/article',
        fr: 'Usage : /why <lien d’un article>\nExemple : /why https://exemple.fr/2024/11/06/article',
      });
    }
    const { explanation, shownOnDemandAt } = await explainItem({ store: service.store, now: service.delivery.now(), windowHours: service.config.digest.windowHours }, chat, args);
    const onDemand =
      shownOnDemandAt !== null && explanation.status !== 'delivered'
        ? lang === 'fr'
          ? `\nIl a aussi été montré par /digest le ${when(shownOnDemandAt, chat, lang)}.`
          : `\nIt was also shown by /digest on ${when(shownOnDemandAt, chat, lang)}.`
        : '';
    return { kind: 'text', text: `${explanationText(explanation, chat, lang)}${onDemand}` };
  },
};
