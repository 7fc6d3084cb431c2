export { LetterPanel } from './LetterPanel';
