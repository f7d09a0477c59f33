/* baken-pin-pad.c: the staff PIN, entered on a large number pad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only collects digits: the staff session (baken-staff-session.c) checks them. The digits
 * live in a fixed buffer that is wiped after every submit, cancel and dispose; they are
 * never put in a label, an accessible name or a log (the dots say how many there are).
 */
#define G_LOG_DOMAIN "baken-pin-pad"

#include "config.h"

#include "baken-pin-pad.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baken-pin.h"

struct _BakenPinPad
{
  GtkWidget  parent_instance;

  char       digits[BAKEN_PIN_MAX_DIGITS + 1];
  guint      n_digits;
  gboolean   busy;
  gboolean   locked;

  GtkWidget *card;
  GtkLabel  *dots;
  GtkLabel  *message;
  GtkWidget *keys;
  GtkWidget *ok;
};

G_DEFINE_FINAL_TYPE (BakenPinPad, baken_pin_pad, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SUBMITTED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wipe (BakenPinPad *self)
{
  memset (self->digits, 0, sizeof self->digits);
  self->n_digits = 0;
}

static void
update (BakenPinPad *self)
{
  GString *dots = g_string_new (NULL);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->n_digits; i++)
    g_string_append (dots, i == 0 ? "•" : " •");
  gtk_label_set_label (self->dots, self->n_digits > 0 ? dots->str : " ");
  g_string_free (dots, TRUE);

  description = g_strdup_printf (ngettext ("%u cijfer getypt", "%u cijfers getypt",
                                           self->n_digits),
                                 self->n_digits);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dots),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_sensitive (self->keys, !self->busy && !self->locked);
  gtk_widget_set_sensitive (self->ok, !self->busy && !self->locked &&
                                      self->n_digits >= BAKEN_PIN_MIN_DIGITS);
}

static void
add_digit (BakenPinPad *self,
           char         digit)
{
  if (self->busy || self->locked || self->n_digits >= BAKEN_PIN_MAX_DIGITS)
    return;
  self->digits[self->n_digits++] = digit;
  update (self);
}

static void
remove_digit (BakenPinPad *self)
{
  if (self->busy || self->locked || self->n_digits == 0)
    return;
  self->digits[--self->n_digits] = '\0';
  update (self);
}

static void
submit (BakenPinPad *self)
{
  if (self->busy || self->locked || self->n_digits < BAKEN_PIN_MIN_DIGITS)
    return;
  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0, self->digits);
  wipe (self);
  update (self);
}

static void
digit_clicked_cb (GtkButton   *button,
                  BakenPinPad *self)
{
  add_digit (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "baken-digit")));
}

static void
erase_clicked_cb (GtkButton   *button,
                  BakenPinPad *self)
{
  remove_digit (self);
}

static void
ok_clicked_cb (GtkButton   *button,
               BakenPinPad *self)
{
  submit (self);
}

static void
cancel_clicked_cb (GtkButton   *button,
                   BakenPinPad *self)
{
  wipe (self);
  update (self);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BakenPinPad           *self)
{
  return baken_pin_pad_press_key (self, keyval);
}

gboolean
baken_pin_pad_press_key (BakenPinPad *self,
                         guint        keyval)
{
  guint32 c = gdk_keyval_to_unicode (keyval);

  if (c >= '0' && c <= '9')
    {
      add_digit (self, (char) c);
      return GDK_EVENT_STOP;
    }
  switch (keyval)
    {
    case GDK_KEY_BackSpace:
      remove_digit (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      submit (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      cancel_clicked_cb (NULL, self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static GtkWidget *
key_button (const char *label,
            const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pin-key");
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static void
baken_pin_pad_dispose (GObject *object)
{
  BakenPinPad *self = BAKEN_PIN_PAD (object);

  wipe (self);
  g_clear_pointer (&self->card, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_pin_pad_parent_class)->dispose (object);
}

static void
baken_pin_pad_class_init (BakenPinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_pin_pad_dispose;

  signals[SIGNAL_SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pinpad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
baken_pin_pad_init (BakenPinPad *self)
{
  GtkWidget *title, *grid, *erase, *cancel;
  GtkEventController *keys;

  self->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (self->card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->card, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->card, "idle-card");
  /* Fits a landscape screen of 960 pixels, also at the desk. */
  gtk_widget_add_css_class (self->card, "pin-card");
  gtk_widget_set_parent (self->card, GTK_WIDGET (self));

  title = gtk_label_new (_("Medewerkers: typ uw PIN"));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "page-title");
  gtk_box_append (GTK_BOX (self->card), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Medewerkers: typ uw PIN"), -1);

  self->dots = GTK_LABEL (gtk_label_new (" "));
  gtk_widget_add_css_class (GTK_WIDGET (self->dots), "pin-dots");
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->dots));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_justify (self->message, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (self->message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "body");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (self->card), GTK_WIDGET (self->message));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  self->keys = grid;
  for (int d = 0; d <= 9; d++)
    {
      char label[2] = { (char) ('0' + d), '\0' };
      GtkWidget *button = key_button (label, NULL);

      g_object_set_data (G_OBJECT (button), "baken-digit", GINT_TO_POINTER ('0' + d));
      g_signal_connect (button, "clicked", G_CALLBACK (digit_clicked_cb), self);
      if (d == 0)
        gtk_grid_attach (GTK_GRID (grid), button, 1, 3, 1, 1);
      else
        gtk_grid_attach (GTK_GRID (grid), button, (d - 1) % 3, (d - 1) / 3, 1, 1);
    }
  erase = key_button ("⌫", _("Wissen"));
  g_signal_connect (erase, "clicked", G_CALLBACK (erase_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), erase, 0, 3, 1, 1);
  self->ok = key_button (_("OK"), NULL);
  gtk_widget_add_css_class (self->ok, "pin-ok");
  g_signal_connect (self->ok, "clicked", G_CALLBACK (ok_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), self->ok, 2, 3, 1, 1);
  gtk_box_append (GTK_BOX (self->card), grid);

  cancel = gtk_button_new_with_label (_("Annuleren"));
  gtk_widget_add_css_class (cancel, "big-action");
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->card), cancel);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  update (self);
}

GtkWidget *
baken_pin_pad_new (void)
{
  return g_object_new (BAKEN_TYPE_PIN_PAD, NULL);
}

void
baken_pin_pad_set_message (BakenPinPad *self,
                           const char  *message)
{
  g_return_if_fail (BAKEN_IS_PIN_PAD (self));

  gtk_label_set_label (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL && *message != '\0');
}

void
baken_pin_pad_set_busy (BakenPinPad *self,
                        gboolean     busy)
{
  g_return_if_fail (BAKEN_IS_PIN_PAD (self));

  self->busy = busy;
  update (self);
}

void
baken_pin_pad_set_locked (BakenPinPad *self,
                          gboolean     locked)
{
  g_return_if_fail (BAKEN_IS_PIN_PAD (self));

  self->locked = locked;
  if (locked)
    wipe (self);
  update (self);
}
