/** The names Spectral (and Specgate) look for next to a spec and in each parent folder. */
export const RULESET_FILE_NAMES = ['.spectral.yaml', '.spectral.yml', '.spectral.json', '.spectral.js', '.spectral.mjs', '.spectral.cjs'];
