import { shellStyles } from '../../workbench/shell.styles.js';

// The shell's styles are every workbench's: the views bring their own (views.styles.ts) when they arrive.
export default shellStyles;
