/** The header of the column that keeps each imported row's source file (its .docx name). */
export const SOURCE_COLUMN_HEADER = "来源文件";
