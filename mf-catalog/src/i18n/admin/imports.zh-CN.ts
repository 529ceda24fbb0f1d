// Words of the console's imports area (/catalog/admin/imports).
export default {}
