export { caseWorkflow } from './case.workflow';
