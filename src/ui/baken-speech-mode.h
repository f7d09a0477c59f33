/* baken-speech-mode.h: speech that follows the focus, for a resident who cannot see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-a11y-controller.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SPEECH_MODE (baken_speech_mode_get_type ())

G_DECLARE_FINAL_TYPE (BakenSpeechMode, baken_speech_mode, BAKEN, SPEECH_MODE, GObject)

/* Follows the focus of window, whose page is the visible child of stack; what covers
 * the page is in prompt_slot or picker_slot. Speaks through a11y, and is on while
 * a11y reads aloud after switch_on (). */
BakenSpeechMode *baken_speech_mode_new        (GtkWidget           *window,
                                               GtkStack            *stack,
                                               AdwBin              *prompt_slot,
                                               AdwBin              *picker_slot,
                                               BakenA11yController *a11y);

/* Property "on" (notified). */
gboolean         baken_speech_mode_get_on     (BakenSpeechMode     *self);
/* Whether "Bent u er nog?" covers the page. */
gboolean         baken_speech_mode_get_prompted (BakenSpeechMode   *self);
/* The focus change just made is said with something else: not on its own. */
void             baken_speech_mode_hold_focus (BakenSpeechMode     *self);
/* Read-aloud on, the way of speech mode: no page is read, the focus is dropped. */
void             baken_speech_mode_switch_on  (BakenSpeechMode     *self);

/* Where the resident is, and how many choices there are. */
void             baken_speech_mode_say_where  (BakenSpeechMode     *self);
/* The whole screen, as "Lees voor" reads it. */
void             baken_speech_mode_say_screen (BakenSpeechMode     *self);
/* The focused control, or where the resident is. */
void             baken_speech_mode_say_focus  (BakenSpeechMode     *self);
/* The previous (step -1) or next (+1) control, round and round. */
void             baken_speech_mode_move       (BakenSpeechMode     *self,
                                               int                  step);
/* Activates the focused control, or says where the resident is. */
void             baken_speech_mode_activate   (BakenSpeechMode     *self);

/* A new page is shown: when on, focuses its first choice and says the screen (TRUE);
 * else FALSE. */
gboolean         baken_speech_mode_page_shown (BakenSpeechMode     *self);

G_END_DECLS
