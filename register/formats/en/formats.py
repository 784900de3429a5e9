# How dates are typed in English: ISO 8601 (2020-09-15) only. 09/15/2020 and 15/09/2020
# both exist in English-speaking countries, so neither is accepted rather than guessed.
DATE_INPUT_FORMATS = ["%Y-%m-%d"]
