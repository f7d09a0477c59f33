/* baken-a11y-bar.c: read aloud, text size, contrast and reach, one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Just above Back and Home, within reach on every screen. The toggles follow the
 * window's stateful a11y.* actions; the text-size button steps normal → large → very
 * large → normal and its label says what the next tap does. While "Lees voor" is on, a
 * second row sets how speech sounds: softer and louder (the sound.* actions of
 * baken-sound-controller.c, insensitive without a sound server).
 */
#define G_LOG_DOMAIN "baken-a11y-bar"

#include "config.h"

#include "baken-a11y-bar.h"

#include <glib/gi18n.h>

#include "baken-icon.h"
#include "baken-line.h"

struct _BakenA11yBar
{
  GtkWidget  parent_instance;

  GtkButton     *text_size;
  GtkLabel      *text_size_label;
  BakenTextSize  size;
};

G_DEFINE_FINAL_TYPE (BakenA11yBar, baken_a11y_bar, GTK_TYPE_WIDGET)

static void
baken_a11y_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_A11Y_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_a11y_bar_parent_class)->dispose (object);
}

static void
baken_a11y_bar_class_init (BakenA11yBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_a11y_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-a11y-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenA11yBar, text_size);
  gtk_widget_class_bind_template_child (widget_class, BakenA11yBar, text_size_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "a11ybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
baken_a11y_bar_init (BakenA11yBar *self)
{
  g_type_ensure (BAKEN_TYPE_ICON);
  g_type_ensure (BAKEN_TYPE_LINE);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A row of four equal buttons; below it, while speech is on, how speech sounds. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  baken_a11y_bar_set_text_size (self, BAKEN_TEXT_SIZE_NORMAL);
}

GtkWidget *
baken_a11y_bar_new (void)
{
  return g_object_new (BAKEN_TYPE_A11Y_BAR, NULL);
}

void
baken_a11y_bar_set_text_size (BakenA11yBar  *self,
                              BakenTextSize  size)
{
  BakenTextSize next;
  const char *label;

  g_return_if_fail (BAKEN_IS_A11Y_BAR (self));
  g_return_if_fail (size <= BAKEN_TEXT_SIZE_LAST);

  switch (size)
    {
    case BAKEN_TEXT_SIZE_NORMAL:
      /* Translators: text-size button at normal size; a tap makes the text larger */
      label = _("Grotere letters");
      break;
    case BAKEN_TEXT_SIZE_LARGE:
      /* Translators: text-size button at large size; a tap makes it larger still */
      label = _("Nog grotere letters");
      break;
    case BAKEN_TEXT_SIZE_VERY_LARGE:
    default:
      /* Translators: text-size button at the largest size; a tap goes back to normal */
      label = _("Gewone letters");
      break;
    }

  self->size = size;
  next = size == BAKEN_TEXT_SIZE_LAST ? BAKEN_TEXT_SIZE_NORMAL : size + 1;
  gtk_label_set_label (self->text_size_label, label);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->text_size), "i", (gint32) next);

  if (size != BAKEN_TEXT_SIZE_NORMAL)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_size), "on");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_size), "on");
}

BakenTextSize
baken_a11y_bar_get_text_size (BakenA11yBar *self)
{
  g_return_val_if_fail (BAKEN_IS_A11Y_BAR (self), BAKEN_TEXT_SIZE_NORMAL);

  return self->size;
}
