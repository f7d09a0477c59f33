/* baken-search-speech.h: what the search page says, without its keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-a11y-controller.h"
#include "baken-search-page.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

/* What "Lees voor" reads on the search page: its title, what was typed, the line above
 * the results and the results; never the keys of the on-screen keyboard. */
char *baken_search_speech_dup_text (BakenSearchPage     *page);

/* In speech mode, every change of the search text on page is said through a11y: the
 * letter typed (or that one went), how many results there are and the first of them.
 * Lasts as long as the page. */
void  baken_search_speech_attach   (BakenSearchPage     *page,
                                    BakenSpeechMode     *speech_mode,
                                    BakenA11yController *a11y);

G_END_DECLS
