// Words of the console's deliveries area (/catalog/admin/deliveries).
export default {}
