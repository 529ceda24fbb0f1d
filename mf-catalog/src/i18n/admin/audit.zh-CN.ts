// Words of the console's audit area (/catalog/admin/audit).
export default {}
