/* baken-usage.h: what residents use, counted where the navigator shows a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place the kiosk's pages are counted for the monitor (baken-monitor.h): a
 * life event, situation or service page that a resident goes forward to, a search
 * when the resident leaves it (with or without a result; its text only under the
 * rule of baken-count-terms.h), the hour a visit began, and an idle reset that ended
 * a visit. Going back, or a new language, shows a page again without counting it.
 * Nothing is counted in staff mode (baken_context_count ()).
 */
#pragma once

#include "baken-a11y-controller.h"
#include "baken-navigator.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_USAGE (baken_usage_get_type ())

G_DECLARE_FINAL_TYPE (BakenUsage, baken_usage, BAKEN, USAGE, GObject)

BakenUsage *baken_usage_new     (BakenContext    *context,
                                 BakenNavigator  *navigator);
/* A resident did something (a language, text size, read-aloud): a visit began, if
 * none had. */
void        baken_usage_touch   (BakenUsage      *self);
/* Counts what the resident switches on: a language other than the default (window's
 * "language"), a larger text or high contrast (its style classes), read-aloud, or
 * speech mode (a11y's "read-aloud" with speech_mode on). */
void        baken_usage_watch   (BakenUsage           *self,
                                 GtkWidget            *window,
                                 BakenA11yController  *a11y,
                                 BakenSpeechMode      *speech_mode);
/* The kiosk resets for the next resident: the search ends, an idle reset that ended
 * a visit is counted (idle: FALSE for a reset that was not for lack of input), and
 * the counts are written. */
void        baken_usage_reset   (BakenUsage      *self,
                                 gboolean         idle);

G_END_DECLS
