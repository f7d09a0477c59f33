/* baken-speakable.c: a page that says what "Lees voor" reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-speakable"

#include "config.h"

#include "baken-speakable.h"

#include "baken-speech-text.h"

G_DEFINE_INTERFACE (BakenSpeakable, baken_speakable, GTK_TYPE_WIDGET)

static void
baken_speakable_default_init (BakenSpeakableInterface *iface)
{
  /**
   * BakenSpeakable::changed:
   *
   * The text to read aloud changed while the page is shown.
   */
  g_signal_new ("changed", BAKEN_TYPE_SPEAKABLE, G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

char *
baken_speakable_dup_speech_text (BakenSpeakable *self)
{
  BakenSpeakableInterface *iface;

  g_return_val_if_fail (BAKEN_IS_SPEAKABLE (self), NULL);

  iface = BAKEN_SPEAKABLE_GET_IFACE (self);
  if (iface->dup_speech_text == NULL)
    return baken_speakable_collect_text (GTK_WIDGET (self));

  return iface->dup_speech_text (self);
}

void
baken_speakable_changed (BakenSpeakable *self)
{
  g_return_if_fail (BAKEN_IS_SPEAKABLE (self));

  g_signal_emit_by_name (self, "changed");
}

static void
collect (GtkWidget *widget,
         GString   *speech)
{
  /* What is not drawn is not read: hidden sections, other stack pages. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    baken_speech_text_append (speech, gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, speech);
}

char *
baken_speakable_collect_text (GtkWidget *root)
{
  g_autoptr(GString) speech = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  collect (root, speech);
  if (speech->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&speech), FALSE);
}
