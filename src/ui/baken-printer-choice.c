/* baken-printer-choice.c: at the desk, which CUPS queue the slips go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-printer-choice"

#include "config.h"

#include "baken-printer-choice.h"

#include <glib/gi18n.h>

#include "baken-page.h"

struct _BakenPrinterChoice
{
  GtkWidget           parent_instance;

  BakenPrinterLoader *loader;       /* (owned) */
  GCancellable       *cancellable;  /* (owned) the listing */
  GtkWidget          *title;        /* "Briefjes gaan naar deze printer:" */
  GtkLabel           *status;       /* "Printers zoeken…", or that there are none */
  GtkDropDown        *queues;
  GStrv               names;        /* (owned) (nullable) as in the drop-down */
};

G_DEFINE_FINAL_TYPE (BakenPrinterChoice, baken_printer_choice, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
selected_cb (BakenPrinterChoice *self)
{
  guint i = gtk_drop_down_get_selected (self->queues);

  if (self->names == NULL || i >= g_strv_length (self->names))
    return;

  g_message ("The desk prints to “%s” now", self->names[i]);
  baken_printer_loader_set_queue (self->loader, self->names[i]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BakenPrinterChoice *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *current = NULL;
  g_auto(GStrv) names = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  names = baken_printer_loader_list_queues_finish (BAKEN_PRINTER_LOADER (source), result,
                                                   &fallback, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (names == NULL || names[0] == NULL)
    {
      if (error != NULL)
        g_message ("%s", error->message);
      /* No heading over nothing to choose from. */
      gtk_widget_set_visible (self->title, FALSE);
      gtk_label_set_label (self->status, _("Er zijn geen printers gevonden."));
      return;
    }

  current = baken_printer_loader_dup_queue (self->loader);
  if (current == NULL)
    current = g_steal_pointer (&fallback);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], current) == 0)
      selected = i;

  self->names = g_steal_pointer (&names);
  gtk_drop_down_set_model (self->queues, G_LIST_MODEL (gtk_string_list_new (
                             (const char * const *) self->names)));
  gtk_drop_down_set_selected (self->queues, selected);
  g_signal_connect_swapped (self->queues, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->queues), TRUE);
}

static void
baken_printer_choice_dispose (GObject *object)
{
  BakenPrinterChoice *self = BAKEN_PRINTER_CHOICE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_printer_choice_parent_class)->dispose (object);
}

static void
baken_printer_choice_finalize (GObject *object)
{
  BakenPrinterChoice *self = BAKEN_PRINTER_CHOICE (object);

  g_clear_object (&self->loader);
  g_strfreev (self->names);

  G_OBJECT_CLASS (baken_printer_choice_parent_class)->finalize (object);
}

static void
baken_printer_choice_class_init (BakenPrinterChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_printer_choice_dispose;
  object_class->finalize = baken_printer_choice_finalize;

  /* A queue was chosen: slips go there from now on. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
baken_printer_choice_init (BakenPrinterChoice *self)
{

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (
                                    GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              8);
  self->title = baken_page_label_new (_("Briefjes gaan naar deze printer:"), "status-value");
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  self->status = GTK_LABEL (baken_page_label_new (_("De printers worden gezocht…"),
                                                  "status-value"));
  gtk_widget_set_parent (GTK_WIDGET (self->status), GTK_WIDGET (self));
  self->queues = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->queues), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->queues), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->queues),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Printer voor briefjes"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->queues), GTK_WIDGET (self));
}

GtkWidget *
baken_printer_choice_new (BakenPrinterLoader *loader)
{
  BakenPrinterChoice *self;

  g_return_val_if_fail (BAKEN_IS_PRINTER_LOADER (loader), NULL);

  self = g_object_new (BAKEN_TYPE_PRINTER_CHOICE, NULL);
  self->loader = g_object_ref (loader);
  self->cancellable = g_cancellable_new ();
  baken_printer_loader_list_queues_async (loader, self->cancellable, listed_cb, self);

  return GTK_WIDGET (self);
}
