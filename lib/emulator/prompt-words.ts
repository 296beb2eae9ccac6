import { coloursOfWord, hueOf, hueDistance, paletteFromHash, saturate, type Rgb } from "@/lib/emulator/palette";
import { fnv1a } from "@/lib/emulator/prng";

/**
 * Turns prompt and negative prompt into what the synthesiser draws: a palette (colour words)
 * and a list of subject words (each becomes a shape). The negative prompt removes its words
 * from the subjects and mutes the hues of its colour words, like a negative prompt should.
 */
const STOPWORDS = new Set(
  "a an the of and or with without in on at to for by from into onto over under is are be as its it this that very some".split(" "),
);

/** Subject words beyond this add nothing: it keeps render time bounded for 1024-char prompts. */
const MAX_SUBJECTS = 48;

export interface PromptScene {
  palette: Rgb[];
  /** Subject words in prompt order, duplicates kept (saying "cat cat" draws two cats). */
  subjects: string[];
  /** True when the palette came from colour words rather than from the prompt's hash. */
  namedColours: boolean;
}

export function tokenize(text: string | undefined): string[] {
  if (!text) return [];
  return (text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []).filter((w) => !STOPWORDS.has(w));
}

export function readPrompt(prompt: string | undefined, negativePrompt: string | undefined): PromptScene {
  const negative = new Set(tokenize(negativePrompt));
  const mutedHues = [...negative].flatMap((w) => (coloursOfWord(w) ?? []).map(hueOf)).filter((h) => h >= 0);

  const named: Rgb[] = [];
  const subjects: string[] = [];
  for (const word of tokenize(prompt)) {
    if (negative.has(word)) continue;
    const colours = coloursOfWord(word);
    if (colours) named.push(...colours);
    else if (subjects.length < MAX_SUBJECTS) subjects.push(word);
  }

  let palette = named.length > 0 ? named : paletteFromHash(fnv1a(subjects.join(" ")));
  if (mutedHues.length > 0) {
    palette = palette.map((c) => {
      const h = hueOf(c);
      return h >= 0 && mutedHues.some((m) => hueDistance(h, m) < 35) ? saturate(c, 0.15) : c;
    });
  }
  return { palette, subjects, namedColours: named.length > 0 };
}
