import { makeStyles } from "@fluentui/react-components";

/**
 * Keeps a labelled dropdown inside a 320 px pane: a Field is a grid whose column grows to the longest option (a
 * notice's full name), so the column is allowed to shrink and the dropdown takes the width it is given.
 */
export const useFitStyles = makeStyles({
  field: { gridTemplateColumns: "minmax(0, 1fr)", minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
});
