import type { CommandDefinition } from './command.ts';

/** `/help` (and `/start`): what Précis does and the commands, listed from the registry. */
export function helpCommand(list: () => readonly CommandDefinition[]): CommandDefinition {
  return {
    name: 'help',
    description: { en: 'What Précis does and how to use it', fr: 'Ce que fait Précis et comment l’utiliser' },
    manages: false,
    run: (context) => {
      const intro =
        context.lang === 'fr'
          ? 'Précis résume l’actualité de vos flux : pour chaque sujet, les phrases clés, les citations avec leur auteur et les chiffres clés.'
          : 'Précis sums up the news from your feeds: for each story, the key sentences, the quotes with who said them, and the key figures.';
      const lines = list().map((command) => `/${command.name}${command.argument ? ` <${command.argument.description[context.lang]}>` : ''} — ${command.description[context.lang]}`);
      return Promise.resolve({ kind: 'text', text: `${intro}\n\n${lines.join('\n')}` });
    },
  };
}
