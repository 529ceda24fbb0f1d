// Words of the console's people area (/catalog/admin/people).
export default {}
