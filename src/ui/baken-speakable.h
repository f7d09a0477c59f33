/* baken-speakable.h: a page that says what "Lees voor" reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window reads the home, life-event, services and service screens from the catalog
 * (baken-speech-text.h). Any other page implements this interface to give its own text,
 * e.g. the slip preview its slip. A page that does neither is read from its labels.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_SPEAKABLE (baken_speakable_get_type ())

G_DECLARE_INTERFACE (BakenSpeakable, baken_speakable, BAKEN, SPEAKABLE, GtkWidget)

struct _BakenSpeakableInterface
{
  GTypeInterface parent_iface;

  /* The text of the page, one item per line (see baken_speech_text_append()), in the
   * page's language; NULL for nothing to say. */
  char *(*dup_speech_text) (BakenSpeakable *self);
};

char *baken_speakable_dup_speech_text (BakenSpeakable *self);
/* The page's text changed while it is shown (a slip printed, or failed): emits
 * ::changed, so that reading aloud says the new text. */
void  baken_speakable_changed         (BakenSpeakable *self);

/* The texts of the drawn labels under root in tree order, one per line: what a page
 * that does not implement BakenSpeakable says. NULL when there are none. */
char *baken_speakable_collect_text    (GtkWidget      *root);

G_END_DECLS
