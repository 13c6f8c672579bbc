import { shellStyles } from '../../workbench/shell.styles.js';

// The shell's styles are every workbench's: the views bring their own when they arrive.
export default shellStyles;
