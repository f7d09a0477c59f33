/* baken-day-table.c: the opening hours of the next seven days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-day-table"

#include "config.h"

#include "baken-day-table.h"

#include <glib/gi18n.h>

struct _BakenDayTable
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BakenDayTable, baken_day_table, GTK_TYPE_WIDGET)

static GtkWidget *
cell (GtkWidget  *table,
      const char *text,
      int         column,
      int         row,
      gboolean    today)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (table);
  GtkLayoutChild *layout_child;
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, column == 0 ? "day" : "hours");
  if (today)
    gtk_widget_add_css_class (label, "today");
  if (column == 1)
    gtk_widget_set_hexpand (label, TRUE);

  gtk_widget_set_parent (label, table);
  layout_child = gtk_layout_manager_get_layout_child (layout, label);
  gtk_grid_layout_child_set_column (GTK_GRID_LAYOUT_CHILD (layout_child), column);
  gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (layout_child), row);

  return label;
}

static void
baken_day_table_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_day_table_parent_class)->dispose (object);
}

static void
baken_day_table_class_init (BakenDayTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_day_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daytable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
baken_day_table_init (BakenDayTable *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_grid_layout_set_column_spacing (layout, 32);
  gtk_grid_layout_set_row_spacing (layout, 8);
}

const char *
baken_day_table_day_name (guint        days_ahead,
                          GDateWeekday weekday)
{
  if (days_ahead == 0)
    /* Translators: a row of the opening-hours table */
    return _("Vandaag");
  if (days_ahead == 1)
    /* Translators: a row of the opening-hours table */
    return _("Morgen");

  switch (weekday)
    {
    case G_DATE_MONDAY: return _("Maandag");
    case G_DATE_TUESDAY: return _("Dinsdag");
    case G_DATE_WEDNESDAY: return _("Woensdag");
    case G_DATE_THURSDAY: return _("Donderdag");
    case G_DATE_FRIDAY: return _("Vrijdag");
    case G_DATE_SATURDAY: return _("Zaterdag");
    case G_DATE_SUNDAY: return _("Zondag");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkWidget *
baken_day_table_new (BakenSchedule     *schedule,
                     GDateTime         *now,
                     BakenHolidayFlags  holidays)
{
  g_autoptr(GDateTime) local = NULL;
  GtkWidget *self;
  GDate date;
  int year, month, day;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_DAY_TABLE, NULL);

  if (baken_schedule_is_unknown (schedule))
    {
      cell (self, _("Openingstijden onbekend"), 0, 0, FALSE);
      return self;
    }

  /* baken_local_timezone () is shared: (transfer none). */
  local = g_date_time_to_timezone (now, baken_local_timezone ());
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  for (guint i = 0; i < BAKEN_DAY_TABLE_DAYS; i++)
    {
      g_autoptr(GArray) ranges = NULL;
      g_autofree char *hours = NULL;
      BakenHoliday holiday = BAKEN_HOLIDAY_NONE;

      ranges = baken_schedule_get_day (schedule, &date, holidays, &holiday);
      if (ranges->len == 0 && holiday != BAKEN_HOLIDAY_NONE)
        /* Translators: closed on a public holiday: "Gesloten (Tweede Paasdag)" */
        hours = g_strdup_printf (_("Gesloten (%s)"), baken_holiday_name (holiday));
      else
        hours = baken_ranges_format (ranges);

      cell (self, baken_day_table_day_name (i, g_date_get_weekday (&date)), 0, i, i == 0);
      cell (self, hours, 1, i, i == 0);

      g_date_add_days (&date, 1);
    }

  return self;
}
