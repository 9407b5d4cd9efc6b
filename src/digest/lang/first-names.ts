/**
 * Common first names of English- and French-language news with their usual gender: in wire copy that drops
 * courtesy titles, the first name is often the only cue for "he said" / "elle a ajouté".
 *
 * @example
 *   FIRST_NAMES.get('marie'); // 'f'
 */
import { genderedWords } from './lexicon.ts';

/** Lower-case first name → 'm' or 'f'. Names given to both sexes are left out on purpose. */
export const FIRST_NAMES = genderedWords({
  m: `john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
    frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
    walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
    jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
    eugene vincent russell elijah louis bobby philip johnny boris vladimir sergei sergey dmitry ivan mikhail
    nicolas emmanuel jacques jean pierre michel philippe alain bernard christophe francois françois laurent
    olivier stephane stéphane sebastien sébastien julien nicolas frederic frédéric thierry eric éric pascal
    patrice didier gilles bruno antoine hugo lucas mathieu matthieu vincent yves marc jerome jérôme xavier
    benoit benoît arnaud edouard édouard guillaume clement clément gerard gérard rene rené andre andré
    raphael raphaël mohamed mohammed ahmed ali omar hassan hussein abdul abdullah ibrahim mustafa yusuf
    barack bill tony gordon nigel boris rishi keir theresa jeremy hamid recep xi narendra luiz jair joe
    hans klaus jürgen wolfgang olaf friedrich carlos pedro miguel luis javier antonio giuseppe marco luca
    matteo giorgio sergio viktor volodymyr petro andriy oleksandr yuri tim sam dan
    nick mike bob rob matt josh ken ted tommy danny jimmy oliver harry jake charlie
    alfie leo max felix hugh ian neil graham colin duncan stuart rupert angus
    fabien florian romain maxime quentin adrien damien cédric cedric sylvain ludovic benjamin
    gaël gael yann loïc loic hervé herve lionel serge francis jean-luc jean-pierre jean-marc
    marcel maurice roland georges henri paul-henri emmanuel gabriel raphaël rémi remi théo theo
    enzo mathis tristan baptiste victor jules arthur louis kylian karim mehdi rachid youssef bilal amine`,
  f: `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
    ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
    debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
    lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
    madison frances kathryn janice abigail alice judy sophia grace denise amber doris marilyn danielle
    beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary kamala nancy
    angela ursula theresa nicola priti liz jacinda marine ségolène segolene brigitte anne isabelle sylvie
    nathalie sandrine valerie valérie sophie celine céline aurelie aurélie camille claire chloe chloé manon
    lea léa julie pauline elodie élodie amelie amélie christiane francoise françoise monique nicole
    michele michèle martine catherine elisabeth élisabeth agnes agnès rachida najat fatima aisha ayesha
    maryam leila layla yulia olga natalia svetlana tatiana irina elena anastasia ana sofia lucia carmen
    giulia francesca chiara giorgia angela annalena ursula sanna mette jane susan kate katie lucy sally
    emma jenny amanda vanessa rose ruby ella mia isla poppy freya imogen harriet eleanor hazel
    fiona kirsty gemma louise hélène helene florence mathilde margaux inès ines lucie clara jeanne
    juliette alice louise océane oceane justine marion audrey émilie emilie laetitia lætitia caroline
    delphine véronique veronique corinne patricia béatrice beatrice geneviève genevieve
    josiane odile mireille nadia samia yasmina karima amina salma`,
});
