/* baken-window.h: the kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-context.h"
#include "baken-speaker.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_WINDOW (baken_window_get_type ())

G_DECLARE_FINAL_TYPE (BakenWindow, baken_window, BAKEN, WINDOW, AdwApplicationWindow)

/* kiosk: fullscreen and locked down. idle_scale multiplies the idle timeout and the
 * countdown (1.0 in production; tests pass e.g. 0.01). */
BakenWindow  *baken_window_new          (GtkApplication  *application,
                                         BakenContext    *context,
                                         gboolean         kiosk,
                                         double           idle_scale);

BakenContext *baken_window_get_context  (BakenWindow     *self);
gboolean      baken_window_get_kiosk    (BakenWindow     *self);
const char   *baken_window_get_language (BakenWindow     *self);
void          baken_window_set_language (BakenWindow     *self,
                                         const char      *language);

/* Where the resident is: "home", "event:ID", "services:ID" or "service:ID". */
char         *baken_window_dup_location (BakenWindow     *self);

/* Development and screenshots only (refused in kiosk mode): one step of the form
 * "event:ID", "services:ID", "service:ID", "lang:CODE", "idle:prompt" (as if the
 * resident had left: the prompt shows now) or "a11y:read-aloud", "a11y:large",
 * "a11y:very-large", "a11y:contrast", "a11y:low-reach", "a11y:languages". */
gboolean      baken_window_open         (BakenWindow     *self,
                                         const char      *step,
                                         GError         **error);

/* TRUE while "Bent u er nog?" is shown. */
gboolean      baken_window_get_idle_prompt_visible (BakenWindow *self);

/* What "Lees voor" says now: the idle prompt when shown, else the page (see
 * baken-speech-text.h and baken-speakable.h). NULL when there is nothing to say. */
char         *baken_window_dup_speech_text (BakenWindow *self);
/* The speaker "Lees voor" uses; for tests. */
BakenSpeaker *baken_window_get_speaker     (BakenWindow *self);

G_END_DECLS
