// The application statuses and their colours are mf-kit's (one list for every part); the names
// this app's filter, tags and print record use.
export { APPLICATION_STATUSES as STATUSES, isApplicationStatus as isStatus, statusTone, type ApplicationStatus } from '@hall/mf-kit'
