"""thidua-cli: tổng hợp danh sách thi đua – khen thưởng từ các tệp Excel của đơn vị."""

__version__ = "0.1.0"
